from . import sampling
