"""A real SMTP server (aiosmtpd) that fails on purpose, for the digest tests.

usage: smtp_faults.py PORT MAILDIR [--tempfail ADDRESS:COUNT]... [--reject ADDRESS]... [--fault-file PATH]
  --tempfail    answer 451 to RCPT TO for ADDRESS the first COUNT times, then accept
  --reject      answer 550 to RCPT TO for ADDRESS, always
  --fault-file  while PATH exists, each of its lines "MAIL <reply>" or "DATA <reply>" answers every MAIL FROM or
                DATA with <reply> (a server-level fault the test switches on and off by writing and deleting PATH);
                a line "DATA:ADDRESS <reply>" answers DATA only for a message to ADDRESS (one message refused, e.g. 552)
Accepted mail is stored in MAILDIR (Maildir format, like aiosmtpd.handlers.Mailbox). Prints "ready" once listening.
"""
import argparse
import signal
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


class FaultyMailbox(Mailbox):
    def __init__(self, mail_dir, tempfail, reject, fault_file):
        super().__init__(mail_dir)
        self.tempfail = tempfail
        self.reject = reject
        self.fault_file = fault_file
        self.lock = threading.Lock()

    def fault(self, command, recipients=()):
        """The reply the fault file gives for COMMAND (for a message to RECIPIENTS), or None."""
        if not self.fault_file:
            return None
        try:
            with open(self.fault_file, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except FileNotFoundError:
            return None
        for line in lines:
            verb, _, reply = line.partition(" ")
            verb, _, address = verb.partition(":")
            if verb.upper() == command and reply and (not address or address.lower() in recipients):
                return reply
        return None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        reply = self.fault("MAIL")
        if reply:
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        reply = self.fault("DATA", {r.lower() for r in envelope.rcpt_tos})
        if reply:
            return reply
        return await super().handle_DATA(server, session, envelope)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        key = address.lower()
        if key in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        with self.lock:
            remaining = self.tempfail.get(key, 0)
            if remaining > 0:
                self.tempfail[key] = remaining - 1
                return "451 4.3.2 <%s>: Mailbox temporarily unavailable, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("maildir")
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--fault-file")
    args = parser.parse_args()

    tempfail = {}
    for rule in args.tempfail:
        address, count = rule.rsplit(":", 1)
        tempfail[address.lower()] = int(count)
    handler = FaultyMailbox(args.maildir, tempfail, {a.lower() for a in args.reject}, args.fault_file)

    controller = Controller(handler, hostname="127.0.0.1", port=args.port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
