"""zhclean: repair, structure and publish damaged Chinese documents."""

__version__ = "0.1.0"
