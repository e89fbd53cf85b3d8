import CMPFR
