#!/usr/bin/env python3
"""Lines of code per module (tests excluded) and the longest methods/functions, for before/after comparisons.

Usage: scripts/code-metrics.py [--top N]

Counts non-blank lines that are not only a comment, in the files git tracks (plus untracked, unignored ones).
Java under src/main of each Maven module, Go outside *_test.go in bench/, Python and shell in scripts/ and tools/.
A method's length is its lines from the declaration to its closing brace (Java, Go) or to the last line of its
body (Python). A heuristic, not a parser: good enough to rank, not to bill.
"""
import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def files():
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return [p for p in out.splitlines() if (ROOT / p).is_file()]


def module_of(path):
    parts = path.split("/")
    if path.endswith(".java"):
        if "src" not in parts or parts[parts.index("src") + 1] != "main":
            return None
        return parts[0]
    if path.endswith(".go"):
        return None if path.endswith("_test.go") else parts[0]
    if path.endswith(".py") or (parts[0] == "scripts" and "." not in parts[-1]) or path.endswith(".sh"):
        if "/fixtures" in path or "compose-check-fixtures" in path or "/tests/" in path:
            return None
        return parts[0]
    return None


def code_lines(text, lang):
    n, in_block = 0, False
    for line in text.splitlines():
        s = line.strip()
        if lang in ("java", "go"):
            if in_block:
                if "*/" in s:
                    in_block = False
                    s = s.split("*/", 1)[1].strip()
                else:
                    continue
            if s.startswith("/*"):
                if "*/" not in s:
                    in_block = True
                continue
            if not s or s.startswith("//"):
                continue
        else:
            if not s or s.startswith("#"):
                continue
        n += 1
    return n


JAVA_METHOD = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|protected|private|static|final|synchronized|default|abstract)\s+)*"
    r"(?:<[^>]+>\s+)?[\w.<>\[\], ?]+\s+(\w+)\s*\([^;]*$")
JAVA_CTOR = re.compile(r"^\s*(?:(?:public|protected|private)\s+)?([A-Z]\w*)\s*\([^;]*$")
KEYWORDS = {"if", "for", "while", "switch", "catch", "return", "new", "else", "try", "synchronized", "throw"}


def brace_methods(path, text, decl):
    lines = text.splitlines()
    found = []
    i = 0
    while i < len(lines):
        m = decl(lines[i])
        if not m:
            i += 1
            continue
        # the body starts at the first '{' at or after the declaration, before any ';'
        depth, start, j, opened = 0, i, i, False
        while j < len(lines):
            code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[j].split("//")[0])
            if not opened and ";" in code and "{" not in code:
                break
            for ch in code:
                if ch == "{":
                    depth += 1
                    opened = True
                elif ch == "}":
                    depth -= 1
            if opened and depth <= 0:
                found.append((j - start + 1, f"{path}:{start + 1}", m))
                break
            j += 1
        i = j + 1 if opened else i + 1
    return found


def java_decl(line):
    if re.search(r"\b(record|class|interface|enum)\s+\w+", line):
        return None
    for rx in (JAVA_METHOD, JAVA_CTOR):
        m = rx.match(line)
        if m and m.group(1) not in KEYWORDS and "=" not in line.split("(")[0] and " new " not in line:
            return m.group(1)
    return None


GO_FUNC = re.compile(r"^func\s+(?:\([^)]*\)\s*)?(\w+)")


def go_decl(line):
    m = GO_FUNC.match(line)
    return m.group(1) if m else None


def python_functions(path, text):
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)def\s+(\w+)", line)
        if not m:
            continue
        indent = len(m.group(1))
        end = i
        for j in range(i + 1, len(lines)):
            s = lines[j]
            if s.strip() and (len(s) - len(s.lstrip())) <= indent:
                break
            if s.strip():
                end = j
        found.append((end - i + 1, f"{path}:{i + 1}", m.group(2)))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    loc = Counter()
    methods = []
    for path in files():
        mod = module_of(path)
        if mod is None:
            continue
        text = (ROOT / path).read_text(errors="replace")
        if path.endswith(".java"):
            loc[mod] += code_lines(text, "java")
            methods += brace_methods(path, text, java_decl)
        elif path.endswith(".go"):
            loc[mod] += code_lines(text, "go")
            methods += brace_methods(path, text, go_decl)
        elif path.endswith(".py"):
            loc[mod] += code_lines(text, "py")
            methods += python_functions(path, text)
        else:
            loc[mod] += code_lines(text, "sh")
    print("lines of code per module (no tests, no blank or comment-only lines)")
    for mod, n in sorted(loc.items()):
        print(f"  {mod:18} {n:6}")
    print(f"  {'total':18} {sum(loc.values()):6}")
    print(f"{args.top} longest methods/functions (lines, declaration to end)")
    for n, where, name in sorted(methods, key=lambda t: (-t[0], t[1]))[:args.top]:
        print(f"  {n:4}  {name}  {where}")


if __name__ == "__main__":
    sys.exit(main())
