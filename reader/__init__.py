"""reader: a terminal news reader."""

__all__ = ["__version__"]

__version__ = "0.1.0"
