"""The document one PIAO section at a time, one module per section file (named like its
model and rules modules). Each module turns its file into a `Parte`: blocks, titled
sub-parts and annexes; the assembler (view.py) numbers and places them."""
