#!/usr/bin/env python3
"""Compares strace output of smtpdane runs with the access list of README.md.

Called by scripts/access-check.sh: access-check.py OPERATORS_MD TRACE_DIR LAUNCHER.
TRACE_DIR holds runN.args, runN.trace.<tid> (strace -ff), and optionally runN.smtp.
Exit 0 when everything seen is listed, 1 otherwise.
"""
import fnmatch
import glob
import os
import re
import shlex
import sys

BEGIN, END = "<!-- access-list:begin", "<!-- access-list:end"
WRITE_CALLS = ("mkdir", "mkdirat", "unlink", "unlinkat", "rmdir", "rename", "renameat",
               "renameat2", "link", "linkat", "symlink", "symlinkat", "chmod", "fchmodat",
               "chown", "fchownat", "lchown", "truncate", "utimensat", "mknod", "mknodat")
# With strace -y a directory fd shows its path: openat(5</etc/ssl>, "certs", ...), and so
# does the working directory: openat(AT_FDCWD</tmp>, "x", ...).
PATH_ARG = re.compile(r'^(\w+)\((?:AT_FDCWD|-?\d+)(?:<([^>]*)>)?, "([^"]*)"|^(\w+)\("([^"]*)"')
RESULT = re.compile(r"= (-?\d+)")
INET = re.compile(r'sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
INET6 = re.compile(r'sa_family=AF_INET6, sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"')
UNIX = re.compile(r'sa_family=AF_UNIX, sun_path=@?"([^"]*)"')
SOCKET = re.compile(r"^socket\(AF_(\w+), (SOCK_\w+)")


def access_list(md):
    text = open(md, encoding="utf-8").read()
    try:
        block = text[text.index(BEGIN):text.index(END)]
    except ValueError:
        sys.exit(f"access-check: no '{BEGIN}' ... '{END}' block in {md}")
    rules = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith(("<!--", "```")):
            continue
        kind, *patterns = line.split()
        unless = []
        if "unless" in patterns:  # "read /etc/resolv.conf unless --resolver DNS_RESOLVER"
            cut = patterns.index("unless")
            patterns, unless = patterns[:cut], patterns[cut + 1:]
        rules.append((kind, patterns, unless))
    return rules


def excused(unless, args):
    """True when the run has one of the options (or environment variables) in `unless`."""
    words = shlex.split(args)
    for u in unless:
        if u.isupper() and os.environ.get(u):
            return True
        if any(w == u or w.startswith(u + "=") for w in words):
            return True
    return False


def install_root(launcher):
    here = os.path.dirname(os.path.realpath(launcher))
    return os.path.dirname(here) if os.path.basename(here) == "bin" else here


def resolvers(args):
    """The resolver addresses a run may use: --resolver, else DNS_RESOLVER, else resolv.conf."""
    words, found = shlex.split(args), []
    for i, w in enumerate(words):
        if w in ("--resolver", "-resolver") and i + 1 < len(words):
            found.append(words[i + 1])
        elif w.startswith(("--resolver=", "-resolver=")):
            found.append(w.split("=", 1)[1])
    if not found and os.environ.get("DNS_RESOLVER"):
        found = re.split(r"[,\s]+", os.environ["DNS_RESOLVER"].strip())
    if not found and os.path.exists("/etc/resolv.conf"):
        for line in open("/etc/resolv.conf"):
            parts = line.split()
            if len(parts) >= 2 and parts[0] == "nameserver":
                found.append(parts[1])
    out = []
    for r in found:
        if r.count(":") > 1 and not r.startswith("["):
            out.append(f"[{r}]:53")  # a bare IPv6 address
            continue
        m = re.match(r"^\[(.+)\](?::(\d+))?$", r) or re.match(r"^([^:]+)(?::(\d+))?$", r)
        out.append(f"{m.group(1)}:{m.group(2) or 53}" if m else f"{r}:53")
    return out


def events(trace_files):
    """Yields (kind, detail) for everything a run touched."""
    for name in trace_files:
        for line in open(name, encoding="utf-8", errors="replace"):
            line = line.strip()
            res = RESULT.search(line.rsplit(")", 1)[-1] if ")" in line else "")
            ok = res is not None and int(res.group(1)) >= 0
            m = PATH_ARG.match(line)
            call = (m.group(1) or m.group(4)) if m else line.split("(", 1)[0]
            path = (m.group(3) if m.group(1) else m.group(5)) if m else None
            if m and m.group(2) and path and not path.startswith("/"):
                path = os.path.normpath(os.path.join(m.group(2), path))
            if path is None and call not in ("socket", "connect", "sendto", "sendmsg", "bind",
                                             "listen"):
                continue  # a call on an fd (fstat, ...): no new path
            if call == "execve" and ok:
                yield "exec", path
            elif call in ("open", "openat", "openat2", "creat") and ok:
                flags = line.split('", ', 1)[1] if '", ' in line else ""
                writes = call == "creat" or re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", flags)
                yield ("write" if writes else "read"), path
            elif call in WRITE_CALLS and ok:
                yield "write", path
            elif call == "socket" and ok:
                s = SOCKET.match(line)
                yield "socket", s.group(1).lower() if s else line
            elif call in ("connect", "sendto", "sendmsg", "bind"):
                kind = "bind" if call == "bind" else "connect"
                a = INET.search(line) or INET6.search(line)
                if a:
                    host = a.group(2)
                    if host.startswith("::ffff:") and "." in host:
                        host = host[len("::ffff:"):]  # an IPv4 peer on a dual-stack socket
                    host = f"[{host}]" if ":" in host else host
                    yield kind, f"{host}:{a.group(1)}"
                elif UNIX.search(line):
                    yield "unix", UNIX.search(line).group(1)
            elif call == "listen":
                yield "listen", line


def allowed(kind, detail, rules, subst, args):
    for rkind, patterns, unless in rules:
        if rkind != kind or excused(unless, args):
            continue
        for p in patterns:
            for token, value in subst.items():
                p = p.replace(token, value) if isinstance(value, str) else p
            candidates = subst.get(p, [p]) if p in ("<resolver>", "<smtp>", "<files>") else [p]
            if any(fnmatch.fnmatchcase(detail, literal_brackets(c)) for c in candidates):
                return rule_name(rkind, patterns, unless)
    return None


def literal_brackets(pattern):
    """IPv6 patterns such as [::]:* mean brackets literally, not a glob character class."""
    return pattern.replace("[", "\x00").replace("]", "[]]").replace("\x00", "[[]")


def option_files(args):
    """Files the run names itself: --trust-anchor FILE and --input FILE (not '-')."""
    words = args.split()
    files = []
    for i, w in enumerate(words):
        name, _, value = w.partition("=")
        if name.lstrip("-") in ("trust-anchor", "input"):
            value = value or (words[i + 1] if i + 1 < len(words) else "")
            if value and value != "-":
                files.append(os.path.normpath(os.path.join("/tmp", value)))
    return files


def rule_name(kind, patterns, unless):
    return f"{kind} {' '.join(patterns)}" + (f" unless {' '.join(unless)}" if unless else "")


def main():
    md, trace_dir, launcher = sys.argv[1:4]
    rules = access_list(md)
    root = install_root(launcher)
    bad, used, seen = [], set(), {}
    for args_file in sorted(glob.glob(os.path.join(trace_dir, "run*.args"))):
        run = args_file[:-len(".args")]
        args = open(args_file).read().strip()
        smtp_file = run + ".smtp"
        smtp = open(smtp_file).read().split() if os.path.exists(smtp_file) else []
        evs = list(events(sorted(glob.glob(run + ".trace.*"))))
        javas = [d for k, d in evs if k == "exec" and d.endswith("/bin/java")]
        java_home = os.path.dirname(os.path.dirname(javas[-1])) if javas else "/nonexistent"
        subst = {"<java.home>": java_home, "<install>": root, "<cwd>": "/tmp",
                 "<resolver>": resolvers(args), "<smtp>": smtp, "<files>": option_files(args)}
        for kind, detail in evs:
            if kind in ("read", "write") and not detail.startswith("/"):
                detail = os.path.normpath(os.path.join("/tmp", detail))
            rule = allowed(kind, detail, rules, subst, args)
            seen.setdefault((kind, rule), set()).add(detail)
            if rule:
                used.add(rule)
            else:
                bad.append(f"{kind} {detail}   (run: smtpdane {args})")
        print(f"run: smtpdane {args}\n  java.home {java_home}; resolvers {subst['<resolver>']};"
              f" SMTP {smtp or 'none'}; {len(evs)} accesses")
    print(f"\ninstall root: {root}\nWhat the runs touched, by access-list line:")
    for (kind, rule), details in sorted(seen.items(), key=lambda x: (x[0][0], str(x[0][1]))):
        if rule:
            sample = ", ".join(sorted(details)[:3]) + (" ..." if len(details) > 3 else "")
            print(f"  [{rule}] {len(details)}: {sample}")
    unused = [rule_name(*r) for r in rules if rule_name(*r) not in used]
    if unused:
        print("\nListed but not touched by these runs (expected for features they did not use):")
        for u in unused:
            print(f"  {u}")
    if bad:
        print("\nNOT IN THE ACCESS LIST of README.md (fix the tool or the list):")
        for b in sorted(set(bad)):
            print(f"  {b}")
        return 1
    print("\naccess-check: everything touched is in the access list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
