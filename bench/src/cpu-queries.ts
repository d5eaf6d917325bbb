// Shared by the benchmark server processes (servers.ts, traced-server.ts).
/**
 * Answers `cpu` from the parent with the CPU time this process used so far, so benchmarks can
 * compare cost per request, which a busy machine disturbs less than throughput.
 */
export function answerCpuQueries(): void {
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
}
