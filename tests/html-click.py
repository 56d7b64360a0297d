#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Heapsight authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Clicks a finding's note in an HTML report the way a person does, in headless Chromium, and prints what the
why panel then shows.

    html-click.py CHROMIUM PAGE.html FINDING_INDEX

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3, replies on
fd 4, each a JSON message ended by a NUL byte): opens the page, scrolls the note of the finding into view,
presses and releases the mouse at its centre (Input.dispatchMouseEvent, so the page's own click handler
runs as for a real click), and prints the why panel's text (innerText of #why) to standard output.
Exit 0 when the click happened, 1 with the reason on standard error otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The pipe ends Chromium reads (3) and writes (4), mapped onto those numbers in the child.
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
             "--disable-background-networking", "--remote-debugging-pipe", f"--user-data-dir={profile}",
             "--window-size=1400,900", "about:blank"],
            pass_fds=(3, 4), preexec_fn=lambda: (os.dup2(to_browser_r, 3), os.dup2(from_browser_w, 4)),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.buffer = b""

    def call(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError(f"{method}: Chromium closed the pipe")
            self.buffer += chunk
        raise RuntimeError(f"{method}: no reply in {timeout} s")

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def evaluate(browser, session, expression):
    result = browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    if "exceptionDetails" in result:
        raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
    return result["result"].get("value")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    chromium, page, finding = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            browser.call("Page.navigate", {"url": "file://" + page}, session)
            deadline = time.monotonic() + 30
            # Loaded: the page's own document (not about:blank), whole, its script run.
            while evaluate(browser, session, "location.protocol + document.readyState") != "file:complete":
                if time.monotonic() > deadline:
                    raise RuntimeError("the page did not finish loading in 30 s")
                time.sleep(0.1)
            selector = f'.note[data-fid="{finding}"]'
            rect = evaluate(browser, session, f"""(() => {{
                const note = document.querySelector('{selector}');
                if (!note) return null;
                note.closest('details') && (note.closest('details').open = true);
                note.scrollIntoView({{block: 'center', inline: 'center'}});
                const r = note.getBoundingClientRect();
                return {{x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2}};
            }})()""")
            if rect is None:
                raise RuntimeError(f"no {selector} on the page")
            before = evaluate(browser, session, "document.getElementById('why').innerText")
            for kind in ("mousePressed", "mouseReleased"):
                browser.call("Input.dispatchMouseEvent", {"type": kind, "x": rect["x"], "y": rect["y"],
                                                          "button": "left", "clickCount": 1}, session)
            after = evaluate(browser, session, "document.getElementById('why').innerText")
            if after == before:
                raise RuntimeError("the why panel did not change on the click")
            sys.stdout.write(after)
            return 0
        except Exception as e:  # a clear reason, whatever failed
            print(f"html-click: {e}", file=sys.stderr)
            return 1
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main())
