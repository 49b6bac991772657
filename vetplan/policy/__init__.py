"""The mechanisms the plans prescribe, as pure calculators: plain data in, plain data out, no Django.

Every threshold and rate is a parameter with its source (文号) and the year it takes effect
(`params.py`); every result carries an `Explanation` (inputs, rule, source, arithmetic), so a
page can say 为什么是这个数, and the parameter version it used, so last year's figures do not
change when this year's rates do.
"""
