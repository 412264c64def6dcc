/**
 * Resolves once the event loop has been round through its poll phase, so I/O that waited (a
 * /healthz request, a broker's frame) is served before the caller's next slice of work. One
 * setImmediate is not enough when the caller runs in an I/O callback: it resolves in the same
 * turn's check phase, before any new I/O is read, and two slices of 50 ms became one of 100 ms
 * (issue 18, a large outgoing document, measured with --cpu-prof). An immediate queued from the
 * check phase runs in the next turn, after its poll.
 */
export function letIoIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
