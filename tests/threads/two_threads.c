/* One thread sending while another receives, on the same session, on both
 * ends of a connection: GnuTLS allows gnutls_record_send and
 * gnutls_record_recv to run at the same time on one session, and programs
 * (and GnuTLS's own tests) do it. Every byte must arrive intact and in
 * order, in both directions, while the server also asks for KeyUpdates (TLS
 * 1.3), whose answers the receiving thread queues while the other thread
 * is sending; each sender ends with gnutls_bye(GNUTLS_SHUT_WR) while its
 * receiver still reads, and each receiver must then see the end of the
 * stream. Built into the tsan tree too, where any data race is a
 * report.
 *
 * argv[1]: the closure test data folder; argv[2] (optional): megabytes per
 * direction (default 16). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "closure_util.h"

typedef struct {
  gnutls_session_t session;
  int fd;                    /* its socket: shut on a failure, so that no thread waits for good */
  const unsigned char* data; /* what this side sends, or must receive */
  size_t size;
  int key_updates; /* sender: ask the peer for new keys now and then */
  size_t done;     /* bytes sent or received and found right */
  int error;       /* the failing return (or bye's), 0 if none */
  size_t key_updates_sent;
} direction_t;

/* Chunk sizes from 1 byte to beyond one record, so records are split and
 * joined in every way. */
static size_t next_chunk(uint32_t* x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return 1 + *x % 40000;
}

static void fail(direction_t* d, int error) {
  d->error = error;
  shutdown(d->fd, SHUT_RDWR);
}

static void* sender(void* arg) {
  direction_t* d = arg;
  uint32_t x = 0x9e3779b9u;
  size_t chunks = 0;
  while (d->done < d->size) {
    size_t n = next_chunk(&x);
    if (n > d->size - d->done) n = d->size - d->done;
    ssize_t ret = gnutls_record_send(d->session, d->data + d->done, n);
    if (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED) continue;
    if (ret <= 0) {
      fail(d, (int)(ret == 0 ? -1 : ret));
      return NULL;
    }
    d->done += (size_t)ret;
    if (d->key_updates && ++chunks % 64 == 0) {
      int ku = gnutls_session_key_update(d->session, GNUTLS_KU_PEER);
      if (ku < 0) {
        fail(d, ku);
        return NULL;
      }
      d->key_updates_sent++;
    }
  }
  /* The end of this side's data, while the other thread still receives. */
  d->error = gnutls_bye(d->session, GNUTLS_SHUT_WR);
  return NULL;
}

static void* receiver(void* arg) {
  direction_t* d = arg;
  static __thread unsigned char buf[50000];
  uint32_t x = 0x7f4a7c15u;
  while (d->done < d->size) {
    ssize_t ret = gnutls_record_recv(d->session, buf, next_chunk(&x));
    if (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED) continue;
    if (ret <= 0) {
      fail(d, (int)(ret == 0 ? -1 : ret));
      return NULL;
    }
    if ((size_t)ret > d->size - d->done || memcmp(buf, d->data + d->done, (size_t)ret) != 0) {
      fail(d, -2); /* bytes that were not sent, or not in this order */
      return NULL;
    }
    d->done += (size_t)ret;
  }
  /* Then the peer's close_notify: the end of the stream. */
  ssize_t ret;
  do {
    ret = gnutls_record_recv(d->session, buf, sizeof buf);
  } while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  d->error = (int)(ret == 0 ? 0 : ret > 0 ? -3 : ret);
  return NULL;
}

int main(int argc, char** argv) {
  cu_init(argc, argv);
  const size_t megabytes = argc > 2 ? strtoul(argv[2], NULL, 10) : 16;
  const size_t size = megabytes << 20;
  unsigned char* to_server = malloc(size);
  unsigned char* to_client = malloc(size);
  if (!to_server || !to_client) return 2;
  cu_pattern(to_server, size, 1);
  cu_pattern(to_client, size, 2);

  cu_begin("send and receive at once, both ends");
  cu_pair_t p;
  CHECK_INT(cu_pair_open(&p), 0);
  const int tls13 = gnutls_protocol_get_version(p.c) == GNUTLS_TLS1_3;
  direction_t client_out = {p.c, p.cfd, to_server, size, 0, 0, 0, 0};
  direction_t server_in = {p.s, p.sfd, to_server, size, 0, 0, 0, 0};
  direction_t server_out = {p.s, p.sfd, to_client, size, tls13, 0, 0, 0};
  direction_t client_in = {p.c, p.cfd, to_client, size, 0, 0, 0, 0};
  pthread_t threads[4] = {cu_spawn(sender, &client_out), cu_spawn(receiver, &server_in),
                          cu_spawn(sender, &server_out), cu_spawn(receiver, &client_in)};
  for (int i = 0; i < 4; i++) cu_join(threads[i]);

  CHECK_INT(client_out.error, 0);
  CHECK_INT(server_in.error, 0);
  CHECK_INT(server_out.error, 0);
  CHECK_INT(client_in.error, 0);
  CHECK_INT(server_in.done, size);
  CHECK_INT(client_in.done, size);
  if (tls13) CHECK(server_out.key_updates_sent > 0);

  printf("%zu MiB each way, %zu KeyUpdates asked\n", megabytes, server_out.key_updates_sent);
  cu_pair_close(&p);
  free(to_server);
  free(to_client);
  return cu_finish();
}
