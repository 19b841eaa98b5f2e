"""careplan: plan together how you want to live with a serious illness.

Kept empty of imports on purpose: start-up stays fast and nothing touches the disk at import time.
"""

__version__ = "0.1.0"
