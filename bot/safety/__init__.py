"""Safety: the crisis screen, the identifying-details guard and the lines to offer."""
