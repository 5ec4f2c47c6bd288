# Counts the lines of source files as the README's comparisons count them: all lines, and lines of code (no blank
# lines, package or import statements, comments or docstrings).
# Usage: python3 tools/lines.py FILE...
import re
import sys


def code_lines(path):
    lines, in_comment = 0, False
    for line in open(path):
        text = line.strip()
        if in_comment:
            in_comment = not text.endswith('*/') and '"""' not in text
            continue
        if text.startswith('/*') and not text.endswith('*/'):
            in_comment = True
            continue
        if text.startswith('"""') and not (len(text) > 3 and text.endswith('"""')):
            in_comment = True
            continue
        if not text or re.match(r'(package |import |from \S+ import |//|#|/\*|\*|""")', text):
            continue
        lines += 1
    return lines


total = code = 0
for path in sys.argv[1:]:
    all_lines = sum(1 for _ in open(path))
    counted = code_lines(path)
    total += all_lines
    code += counted
    print('%5d %5d  %s' % (all_lines, counted, path))
print('%5d %5d  total (all lines, lines of code)' % (total, code))
