/* What the load test watches of a process, read from /proc: how many
 * descriptors it holds and how much memory is resident. */
#ifndef CODA_TESTS_LOAD_PROC_STATS_H
#define CODA_TESTS_LOAD_PROC_STATS_H

#include <sys/types.h>

/* Open descriptors of pid (entries of /proc/PID/fd), or -1 if unreadable. */
long proc_fd_count(pid_t pid);

/* VmRSS of /proc/PID/status in KiB, or -1 if unreadable. */
long proc_rss_kb(pid_t pid);

/* This process's VmRSS in KiB after handing free heap pages back to the
 * kernel (malloc_trim): what the live allocations hold, without the
 * allocator's noise, so a growth across rounds means a leak. */
long proc_own_rss_kb(void);

/* Monotonic clock in milliseconds. */
double proc_now_ms(void);

#endif
