#!/usr/bin/env python3
"""A fast loopback server of generated news articles, for the fetch benchmark (fetch_bench.py).

    python3 Tests/Measure/page_server.py --pages 10000 [--port 0]

It prints its base URL (`http://127.0.0.1:PORT`) on the first line of stdout once it listens, then serves:

    /article/<n>.html   article n (0 <= n < pages), about 6 KB of HTML; ETag and Last-Modified on every 200,
                        and a 304 without a body when If-None-Match or If-Modified-Since matches
    /stats              JSON counters: requests, ok, not_modified, not_found, and the server's CPU seconds

It is one asyncio process with HTTP/1.1 keep-alive and pages built once and kept as ready-made responses, so it
answers many thousands of requests per second: far more than any client here needs, which keeps the server out of
the measurement (fetch_bench.py reports its CPU share to show it). Standard library only.

The articles are generated from a fixed seed: a headline, a dateline, a byline, and paragraphs of wire-style
sentences; about one in eight reports a diplomatic facility ordered closed with a deadline, so fact extraction has
work to do. No text comes from any real outlet.
"""
import argparse
import asyncio
import hashlib
import json
import random
import resource
import signal
import sys

COUNTRIES = [
    ("Portugal", "Portuguese", "Lisbon"), ("Austria", "Austrian", "Vienna"), ("Peru", "Peruvian", "Lima"),
    ("Kenya", "Kenyan", "Nairobi"), ("Canada", "Canadian", "Ottawa"), ("Japan", "Japanese", "Tokyo"),
    ("Chile", "Chilean", "Santiago"), ("Ghana", "Ghanaian", "Accra"), ("Poland", "Polish", "Warsaw"),
    ("Brazil", "Brazilian", "Brasilia"), ("Egypt", "Egyptian", "Cairo"), ("Norway", "Norwegian", "Oslo"),
]
CITIES = ["Hamburg", "Lyon", "Osaka", "Toronto", "Mumbai", "Cape Town", "Seville", "Porto", "Krakow", "Busan"]
TOPICS = ["trade talks", "the harvest", "a port expansion", "fuel prices", "a rail strike", "the budget vote",
          "flood defences", "a chip plant", "fishing quotas", "the election count"]
VERBS = ["said", "told reporters", "wrote in a statement", "confirmed", "noted", "added"]
PEOPLE = ["a ministry spokeswoman", "the deputy mayor", "an industry analyst", "the union leader",
          "a senior official", "the central bank governor", "local residents", "the opposition leader"]
FILLERS = [
    "Officials expect the figures to be revised again before the end of the quarter.",
    "The measure passed after a late-night session that ran well past midnight.",
    "Critics argued the plan left smaller towns without a clear timetable.",
    "Shares in the largest operators rose slightly in early trading.",
    "The committee will publish its full report next month, according to the schedule.",
    "Several regional governments have asked for more time to prepare.",
    "Traffic on the main routes returned to normal by the afternoon.",
    "The agency said it had received more than two thousand comments.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def article(index):
    """The HTML of article `index`, the same on every run."""
    rng = random.Random(index * 7919 + 17)
    topic = rng.choice(TOPICS)
    country, demonym, capital = rng.choice(COUNTRIES)
    month = rng.randrange(12)
    day = rng.randrange(1, 28)
    year = 2017 + index % 8
    headline = f"{demonym} officials weigh next steps on {topic}"
    paragraphs = []
    if index % 8 == 0:
        host, host_demonym, _ = rng.choice([c for c in COUNTRIES if c[0] != country])
        city = rng.choice(CITIES)
        headline = f"{host} orders {demonym} consulate in {city} to close"
        paragraphs.append(
            f"{host} on {MONTHS[month]} {day} ordered {country} to close its consulate in {city} by "
            f"{MONTHS[(month + 1) % 12]} {min(day + 3, 28)}, the {host_demonym} foreign ministry said."
        )
        paragraphs.append(
            f"The {demonym} embassy in {capital} will remain open, {rng.choice(PEOPLE)} {rng.choice(VERBS)}."
        )
    for _ in range(rng.randrange(7, 11)):
        sentences = [
            f"{rng.choice(PEOPLE).capitalize()} {rng.choice(VERBS)} that {topic} would dominate the week.",
            rng.choice(FILLERS),
            f"In {rng.choice(CITIES)}, {rng.randrange(2, 90)} percent of respondents backed the proposal.",
            rng.choice(FILLERS),
        ]
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    body = "\n".join(f"      <p>{text}</p>" for text in paragraphs)
    related = "\n".join(
        f'        <li><a href="/article/{(index + k * 37) % 100000}.html">{rng.choice(TOPICS).capitalize()} '
        f"update {k}</a></li>"
        for k in range(1, 21)
    )
    sections = " ".join(f'<a href="/section/{k}">{rng.choice(TOPICS).title()}</a>' for k in range(24))
    # The page furniture a real site carries around an article: analytics settings and structured data.
    settings = json.dumps({
        "page": {"id": index, "section": "world", "tags": rng.sample(TOPICS, 4), "words": 40 * len(paragraphs)},
        "ads": [{"slot": f"slot-{k}", "sizes": [[300, 250], [728, 90]], "lazy": k > 1} for k in range(12)],
        "consent": {"vendors": list(range(60)), "version": 3},
    })
    iso = f"{year}-{month + 1:02d}-{day:02d}T{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}:00Z"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{headline} | The Loopback Ledger</title>
  <meta property="og:title" content="{headline}">
  <meta property="article:published_time" content="{iso}">
  <link rel="canonical" href="/article/{index}.html">
  <script>window.pageSettings = {settings};</script>
  <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}", "datePublished": "{iso}"}}</script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
    <a href="/sport">Sport</a> <a href="/opinion">Opinion</a> {sections}</nav></header>
  <main>
    <article>
      <h1>{headline}</h1>
      <p class="byline">By Staff Reporter · <time datetime="{iso}">{MONTHS[month]} {day}, {year}</time></p>
{body}
    </article>
    <aside><h2>Related</h2>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer><p>© The Loopback Ledger. Generated for benchmarks.</p>
    <a href="/about">About</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


LAST_MODIFIED = "Thu, 31 Aug 2017 15:10:00 GMT"


class Pages:
    """Ready-made responses, built on first request and kept."""

    def __init__(self, count):
        self.count = count
        self.cache = {}
        self.stats = {"requests": 0, "ok": 0, "not_modified": 0, "not_found": 0}

    def response(self, target, headers, keep_alive):
        self.stats["requests"] += 1
        connection = b"keep-alive" if keep_alive else b"close"
        if target == b"/stats":
            usage = resource.getrusage(resource.RUSAGE_SELF)
            body = json.dumps(dict(self.stats, cpu_seconds=usage.ru_utime + usage.ru_stime)).encode()
            return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: %s\r\n\r\n%s" % (
                len(body), connection, body)
        entry = self.page(target)
        if entry is None:
            self.stats["not_found"] += 1
            return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: %s\r\n\r\n" % connection
        etag, head, body = entry
        if headers.get(b"if-none-match") == etag or (
                b"if-none-match" not in headers and headers.get(b"if-modified-since") == LAST_MODIFIED.encode()):
            self.stats["not_modified"] += 1
            return b"HTTP/1.1 304 Not Modified\r\nETag: %s\r\nLast-Modified: %s\r\nConnection: %s\r\n\r\n" % (
                etag, LAST_MODIFIED.encode(), connection)
        self.stats["ok"] += 1
        return head + b"Connection: " + connection + b"\r\n\r\n" + body

    def page(self, target):
        entry = self.cache.get(target)
        if entry is not None:
            return entry
        if not (target.startswith(b"/article/") and target.endswith(b".html")):
            return None
        try:
            index = int(target[len(b"/article/"):-len(b".html")])
        except ValueError:
            return None
        if not 0 <= index < self.count:
            return None
        body = article(index).encode()
        etag = b'"%s"' % hashlib.sha1(body).hexdigest()[:16].encode()
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n"
                b"ETag: %s\r\nLast-Modified: %s\r\n" % (len(body), etag, LAST_MODIFIED.encode()))
        entry = (etag, head, body)
        self.cache[target] = entry
        return entry


class Connection(asyncio.Protocol):
    def __init__(self, pages):
        self.pages = pages
        self.buffer = b""
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > 65536:
                    self.transport.close()
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4:]
            lines = head.split(b"\r\n")
            parts = lines[0].split(b" ")
            if len(parts) != 3:
                self.transport.close()
                return
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            keep_alive = headers.get(b"connection", b"").lower() != b"close" and parts[2] == b"HTTP/1.1"
            self.transport.write(self.pages.response(parts[1], headers, keep_alive))
            if not keep_alive:
                self.transport.close()
                return


async def serve(arguments):
    pages = Pages(arguments.pages)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Connection(pages), arguments.bind, arguments.port, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    print(f"http://{arguments.bind}:{port}", flush=True)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with server:
        await stop.wait()
    print(json.dumps(pages.stats), file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--bind", default="127.0.0.1")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
