/* Descriptor counts and resident memory from /proc (see proc_stats.h). */
#define _GNU_SOURCE 1
#include "proc_stats.h"

#include <dirent.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

long proc_fd_count(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%ld/fd", (long)pid);
  DIR* dir = opendir(path);
  if (dir == NULL) return -1;
  long count = 0;
  const struct dirent* entry;
  while ((entry = readdir(dir)) != NULL) {
    if (entry->d_name[0] != '.') count++;
  }
  closedir(dir);
  /* For the caller's own pid this counts the directory stream too: the same
   * one every time, so counts stay comparable. */
  return count;
}

long proc_rss_kb(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
  FILE* f = fopen(path, "r");
  if (f == NULL) return -1;
  char line[256];
  long kb = -1;
  while (fgets(line, sizeof line, f) != NULL) {
    if (strncmp(line, "VmRSS:", 6) == 0) {
      kb = strtol(line + 6, NULL, 10);
      break;
    }
  }
  fclose(f);
  return kb;
}

long proc_own_rss_kb(void) {
  malloc_trim(0);
  return proc_rss_kb(getpid());
}

double proc_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}
