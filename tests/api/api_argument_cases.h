/* api_arguments' table: included twice by api_arguments.c (no include guard).
 *
 * CASE(function, arg, kind, note, how, expected, call...)
 *   function  the function under test
 *   arg       the bad argument, counted from 1 (0: a call that has none)
 *   kind      null (NULL for a pointer), range (a value out of range for an
 *             integer or enum), bad (another invalid value, such as a closed
 *             descriptor), call (no argument to spoil)
 *   note      _ or a word that tells apart several cases of one argument
 *             (function, arg, kind and note name the case: unique)
 *   how       SAME: the real GnuTLS gives this too (where it does not crash);
 *             DIFFERS: a deliberate difference, said why next to it
 *   expected  what Coda returns, as the ret_* helpers spell it
 *   call...   statements that make the call and record its result
 * Every other argument is valid (api_arguments_fixture.h). GnuTLS crashes on
 * most NULL handles; Coda answers those with GNUTLS_E_INVALID_REQUEST, or
 * with the "nothing there" value of a getter, and a void function returns.
 * check_argument_coverage.py requires a null case for every pointer argument
 * and a range case for every integer or enum argument of every function the
 * library implements. */

/* ---- sessions ---- */

CASE(gnutls_init, 1, null, _, SAME, INVAL, ret_int(gnutls_init(NULL, GNUTLS_CLIENT)))
/* Flags GnuTLS does not define are ignored, as GnuTLS ignores them. */
CASE(gnutls_init, 2, range, unknown_flag, SAME, "0", gnutls_session_t s;
     int r = gnutls_init(&s, GNUTLS_CLIENT | (1u << 30)); ret_int(r); if (r == 0) gnutls_deinit(s))
/* DIFFERS: Coda has no DTLS; a datagram session would speak TLS on UDP. */
CASE(gnutls_init, 2, range, datagram, DIFFERS, "GNUTLS_E_UNIMPLEMENTED_FEATURE", gnutls_session_t s;
     int r = gnutls_init(&s, GNUTLS_CLIENT | GNUTLS_DATAGRAM); ret_int(r);
     if (r == 0) gnutls_deinit(s))
CASE(gnutls_deinit, 1, null, _, SAME, RETURNED, gnutls_deinit(NULL); ret_void())
CASE(gnutls_session_set_ptr, 1, null, _, SAME, RETURNED, gnutls_session_set_ptr(NULL, "x");
     ret_void())
CASE(gnutls_session_set_ptr, 2, null, _, SAME, IS_NULL, gnutls_session_t s = new_client();
     gnutls_session_set_ptr(s, NULL); ret_ptr(gnutls_session_get_ptr(s)))
CASE(gnutls_session_get_ptr, 1, null, _, SAME, IS_NULL, ret_ptr(gnutls_session_get_ptr(NULL)))
CASE(gnutls_session_get_flags, 1, null, _, SAME, "0", ret_uint(gnutls_session_get_flags(NULL)))
CASE(gnutls_safe_renegotiation_status, 1, null, _, SAME, "0",
     ret_uint(gnutls_safe_renegotiation_status(NULL)))
CASE(gnutls_session_ext_master_secret_status, 1, null, _, SAME, "0",
     ret_uint(gnutls_session_ext_master_secret_status(NULL)))
CASE(gnutls_priority_set, 1, null, _, SAME, INVAL,
     ret_int(gnutls_priority_set(NULL, normal_priority())))
CASE(gnutls_priority_set, 2, null, _, SAME, "GNUTLS_E_NO_PRIORITIES_WERE_SET",
     ret_int(gnutls_priority_set(new_client(), NULL)))
CASE(gnutls_priority_set_direct, 1, null, _, SAME, INVAL,
     ret_int(gnutls_priority_set_direct(NULL, "NORMAL", NULL)))
/* NULL: the default priority, as in GnuTLS. */
CASE(gnutls_priority_set_direct, 2, null, _, SAME, "0", const char* ep;
     ret_int(gnutls_priority_set_direct(new_client(), NULL, &ep)))
CASE(gnutls_priority_set_direct, 3, null, _, SAME, INVAL,
     ret_int(gnutls_priority_set_direct(new_client(), "NORMAL:+BOGUS", NULL)))
CASE(gnutls_set_default_priority, 1, null, _, SAME, INVAL,
     ret_int(gnutls_set_default_priority(NULL)))
CASE(gnutls_credentials_set, 1, null, _, SAME, INVAL,
     ret_int(gnutls_credentials_set(NULL, GNUTLS_CRD_CERTIFICATE, server_credentials())))
/* DIFFERS: GnuTLS stores credentials of any type number; Coda refuses one
 * that names no credentials type. */
CASE(gnutls_credentials_set, 2, range, _, DIFFERS, INVAL,
     ret_int(gnutls_credentials_set(new_client(), (gnutls_credentials_type_t)99,
                                    server_credentials())))
CASE(gnutls_credentials_set, 3, null, _, SAME, "0",
     ret_int(gnutls_credentials_set(new_client(), GNUTLS_CRD_CERTIFICATE, NULL)))
CASE(gnutls_credentials_clear, 1, null, _, SAME, RETURNED, gnutls_credentials_clear(NULL);
     ret_void())
CASE(gnutls_server_name_set, 1, null, _, SAME, INVAL,
     ret_int(gnutls_server_name_set(NULL, GNUTLS_NAME_DNS, "a", 1)))
/* DIFFERS: GnuTLS stores a name of any type number. */
CASE(gnutls_server_name_set, 2, range, _, DIFFERS, INVAL,
     ret_int(gnutls_server_name_set(new_client(), (gnutls_server_name_type_t)99, "a", 1)))
CASE(gnutls_server_name_set, 3, null, _, SAME, INVAL,
     ret_int(gnutls_server_name_set(new_client(), GNUTLS_NAME_DNS, NULL, 5)))
/* Longer than a DNS name can be (RFC 1035: 255 octets). */
CASE(gnutls_server_name_set, 4, range, _, SAME, INVAL, char name[300];
     memset(name, 'a', sizeof name);
     ret_int(gnutls_server_name_set(new_client(), GNUTLS_NAME_DNS, name, sizeof name)))
CASE(gnutls_server_name_get, 1, null, _, SAME, INVAL, char b[64]; size_t n = sizeof b; unsigned t;
     ret_int(gnutls_server_name_get(NULL, b, &n, &t, 0)))
CASE(gnutls_server_name_get, 2, null, _, SAME, SHORT_BUF "/10", size_t n = 64; unsigned t;
     int r = gnutls_server_name_get(live_server(), NULL, &n, &t, 0); ret_int_and(r, (long)n))
CASE(gnutls_server_name_get, 3, null, _, SAME, INVAL, char b[64]; unsigned t;
     ret_int(gnutls_server_name_get(live_server(), b, NULL, &t, 0)))
CASE(gnutls_server_name_get, 4, null, _, SAME, INVAL, char b[64]; size_t n = sizeof b;
     ret_int(gnutls_server_name_get(live_server(), b, &n, NULL, 0)))
CASE(gnutls_server_name_get, 5, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", char b[64];
     size_t n = sizeof b; unsigned t; ret_int(gnutls_server_name_get(live_server(), b, &n, &t, 5)))
CASE(gnutls_session_set_verify_cert, 1, null, _, SAME, RETURNED,
     gnutls_session_set_verify_cert(NULL, "a", 0);
     ret_void())
CASE(gnutls_session_set_verify_cert, 2, null, _, SAME, RETURNED,
     gnutls_session_set_verify_cert(new_client(), NULL, 0);
     ret_void())
CASE(gnutls_session_set_verify_cert, 3, range, _, SAME, RETURNED,
     gnutls_session_set_verify_cert(new_client(), "a", UINT_MAX);
     ret_void())
CASE(gnutls_certificate_server_set_request, 1, null, _, SAME, RETURNED,
     gnutls_certificate_server_set_request(NULL, GNUTLS_CERT_REQUIRE);
     ret_void())
CASE(gnutls_certificate_server_set_request, 2, range, _, SAME, RETURNED,
     gnutls_certificate_server_set_request(new_server(), (gnutls_certificate_request_t)99);
     ret_void())

/* ---- transport ---- */

CASE(gnutls_transport_set_int2, 1, null, _, SAME, RETURNED, gnutls_transport_set_int2(NULL, 1, 1);
     ret_void())
CASE(gnutls_transport_set_int2, 2, range, _, SAME, "-1", gnutls_session_t s = new_client();
     gnutls_transport_set_int2(s, -1, 1); ret_int(gnutls_transport_get_int(s)))
CASE(gnutls_transport_set_int2, 3, range, _, SAME, RETURNED,
     gnutls_transport_set_int2(new_client(), 1, INT_MIN);
     ret_void())
CASE(gnutls_transport_set_ptr, 1, null, _, SAME, RETURNED, gnutls_transport_set_ptr(NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_ptr, 2, null, _, SAME, IS_NULL, gnutls_session_t s = new_client();
     gnutls_transport_set_ptr(s, NULL); ret_ptr(gnutls_transport_get_ptr(s)))
CASE(gnutls_transport_set_ptr2, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_ptr2(NULL, NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_ptr2, 2, null, _, SAME, IS_NULL, gnutls_session_t s = new_client();
     gnutls_transport_set_ptr2(s, NULL, (gnutls_transport_ptr_t)1);
     ret_ptr(gnutls_transport_get_ptr(s)))
CASE(gnutls_transport_set_ptr2, 3, null, _, SAME, IS_NULL, gnutls_session_t s = new_client();
     gnutls_transport_ptr_t r, w; gnutls_transport_set_ptr2(s, (gnutls_transport_ptr_t)1, NULL);
     gnutls_transport_get_ptr2(s, &r, &w); ret_ptr(w))
CASE(gnutls_transport_get_ptr, 1, null, _, SAME, IS_NULL, ret_ptr(gnutls_transport_get_ptr(NULL)))
CASE(gnutls_transport_get_ptr2, 1, null, _, SAME, RETURNED, gnutls_transport_ptr_t r, w;
     gnutls_transport_get_ptr2(NULL, &r, &w); ret_void())
CASE(gnutls_transport_get_ptr2, 2, null, _, SAME, RETURNED, gnutls_transport_ptr_t w;
     gnutls_transport_get_ptr2(new_client(), NULL, &w); ret_void())
CASE(gnutls_transport_get_ptr2, 3, null, _, SAME, RETURNED, gnutls_transport_ptr_t r;
     gnutls_transport_get_ptr2(new_client(), &r, NULL); ret_void())
CASE(gnutls_transport_get_int, 1, null, _, SAME, "-1", ret_int(gnutls_transport_get_int(NULL)))
CASE(gnutls_transport_get_int2, 1, null, _, SAME, RETURNED, int r, w;
     gnutls_transport_get_int2(NULL, &r, &w); ret_void())
CASE(gnutls_transport_get_int2, 2, null, _, SAME, RETURNED, int w;
     gnutls_transport_get_int2(new_client(), NULL, &w); ret_void())
CASE(gnutls_transport_get_int2, 3, null, _, SAME, RETURNED, int r;
     gnutls_transport_get_int2(new_client(), &r, NULL); ret_void())
/* A NULL push or pull function makes the transport fail, as GnuTLS does for
 * push (it crashes on a NULL pull). */
CASE(gnutls_transport_set_push_function, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_push_function(NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_push_function, 2, null, _, SAME, "GNUTLS_E_PUSH_ERROR",
     gnutls_session_t s = nonblocking_client();
     gnutls_transport_set_push_function(s, NULL); ret_int(gnutls_handshake(s)))
CASE(gnutls_transport_set_push_function, 2, null, bye, SAME, "GNUTLS_E_PUSH_ERROR",
     gnutls_session_t s = new_client();
     gnutls_transport_set_push_function(s, NULL); ret_int(gnutls_bye(s, GNUTLS_SHUT_WR)))
CASE(gnutls_transport_set_vec_push_function, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_vec_push_function(NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_vec_push_function, 2, null, _, SAME, "GNUTLS_E_PUSH_ERROR",
     gnutls_session_t s = nonblocking_client();
     gnutls_transport_set_vec_push_function(s, NULL); ret_int(gnutls_handshake(s)))
CASE(gnutls_transport_set_pull_function, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_pull_function(NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_pull_function, 2, null, _, SAME, "GNUTLS_E_PULL_ERROR",
     gnutls_session_t s = nonblocking_client();
     gnutls_transport_set_pull_function(s, NULL); ret_int(gnutls_handshake(s)))
CASE(gnutls_transport_set_pull_timeout_function, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_pull_timeout_function(NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_pull_timeout_function, 2, null, _, SAME, "GNUTLS_E_AGAIN",
     gnutls_session_t s = nonblocking_client();
     gnutls_transport_set_pull_timeout_function(s, NULL); ret_int(gnutls_handshake(s)))
CASE(gnutls_transport_set_errno_function, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_errno_function(NULL, NULL);
     ret_void())
CASE(gnutls_transport_set_errno_function, 2, null, _, SAME, "GNUTLS_E_AGAIN",
     gnutls_session_t s = nonblocking_client();
     gnutls_transport_set_errno_function(s, NULL); ret_int(gnutls_handshake(s)))
CASE(gnutls_transport_set_errno, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_errno(NULL, EAGAIN);
     ret_void())
CASE(gnutls_transport_set_errno, 2, range, _, SAME, RETURNED,
     gnutls_transport_set_errno(new_client(), -5);
     ret_void())
/* The transport pointer is a descriptor: NULL is descriptor 0, here an
 * empty pipe. */
CASE(gnutls_system_recv_timeout, 1, null, _, SAME, "0", dup2(empty_pipe(), 0);
     ret_int(gnutls_system_recv_timeout(NULL, 0)))
/* poll(2) skips a negative descriptor: nothing ready. */
CASE(gnutls_system_recv_timeout, 1, bad, closed_fd, SAME, "0",
     ret_int(gnutls_system_recv_timeout((gnutls_transport_ptr_t)(intptr_t)-1, 0)))
/* A wait longer than poll(2) takes; the byte is there at once. */
CASE(gnutls_system_recv_timeout, 2, range, _, SAME, "1",
     ret_int(gnutls_system_recv_timeout((gnutls_transport_ptr_t)(intptr_t)ready_pipe(),
                                        UINT_MAX - 5)))

/* ---- timeouts ---- */

CASE(gnutls_record_set_timeout, 1, null, _, SAME, RETURNED, gnutls_record_set_timeout(NULL, 10);
     ret_void())
CASE(gnutls_record_set_timeout, 2, range, _, SAME, RETURNED,
     gnutls_record_set_timeout(new_client(), UINT_MAX);
     ret_void())
CASE(gnutls_handshake_set_timeout, 1, null, _, SAME, RETURNED,
     gnutls_handshake_set_timeout(NULL, 10);
     ret_void())
CASE(gnutls_handshake_set_timeout, 2, range, _, SAME, RETURNED,
     gnutls_handshake_set_timeout(new_client(), UINT_MAX - 5);
     ret_void())

/* ---- handshake ---- */

CASE(gnutls_handshake, 1, null, _, SAME, INVAL, ret_int(gnutls_handshake(NULL)))
CASE(gnutls_session_key_update, 1, null, _, SAME, INVAL,
     ret_int(gnutls_session_key_update(NULL, 0)))
/* Flags GnuTLS does not define are ignored. */
CASE(gnutls_session_key_update, 2, range, _, SAME, "0",
     ret_int(gnutls_session_key_update(live_client(), 0xfffffff0u)))
CASE(gnutls_rehandshake, 1, null, _, SAME, INVAL, ret_int(gnutls_rehandshake(NULL)))
CASE(gnutls_handshake_set_hook_function, 1, null, _, SAME, RETURNED,
     gnutls_handshake_set_hook_function(NULL, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_POST, NULL);
     ret_void())
CASE(gnutls_handshake_set_hook_function, 2, range, _, SAME, RETURNED,
     gnutls_handshake_set_hook_function(new_client(), 12345, GNUTLS_HOOK_POST, NULL);
     ret_void())
CASE(gnutls_handshake_set_hook_function, 3, range, _, SAME, RETURNED,
     gnutls_handshake_set_hook_function(new_client(), GNUTLS_HANDSHAKE_ANY, 99, NULL);
     ret_void())
CASE(gnutls_handshake_set_hook_function, 4, null, _, SAME, "0", gnutls_session_t s = live_client();
     gnutls_handshake_set_hook_function(s, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_BOTH, NULL);
     ret_int(gnutls_session_key_update(s, 0)))
/* -1: no message yet, GnuTLS's value before the first. */
CASE(gnutls_handshake_get_last_in, 1, null, _, SAME, "-1",
     ret_int((int)gnutls_handshake_get_last_in(NULL)))
CASE(gnutls_handshake_get_last_out, 1, null, _, SAME, "-1",
     ret_int((int)gnutls_handshake_get_last_out(NULL)))
CASE(gnutls_reauth, 1, null, _, SAME, INVAL, ret_int(gnutls_reauth(NULL, 0)))
CASE(gnutls_reauth, 2, range, _, SAME, INVAL, ret_int(gnutls_reauth(live_client(), UINT_MAX)))

/* ---- records ---- */

CASE(gnutls_record_send, 1, null, _, SAME, INVAL, ret_int(gnutls_record_send(NULL, "x", 1)))
/* DIFFERS: GnuTLS 3.7 answers 10 without sending anything (README). */
CASE(gnutls_record_send, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_record_send(live_client(), NULL, 10)))
/* More than a record holds: one full record goes, as in GnuTLS. */
CASE(gnutls_record_send, 3, range, _, SAME, "16384", static char big[20000];
     ret_int(gnutls_record_send(live_client(), big, sizeof big)))
CASE(gnutls_record_recv, 1, null, _, SAME, INVAL, char b[16];
     ret_int(gnutls_record_recv(NULL, b, sizeof b)))
CASE(gnutls_record_recv, 2, null, _, SAME, INVAL, live_server_sends("hello");
     ret_int(gnutls_record_recv(live_client(), NULL, 10)))
/* No room: an error, as in GnuTLS (0 would read as the end of the stream). */
CASE(gnutls_record_recv, 3, range, _, SAME, INVAL, char b[16]; live_server_sends("hello");
     ret_int(gnutls_record_recv(live_client(), b, 0)))
CASE(gnutls_record_check_pending, 1, null, _, SAME, "0",
     ret_uint(gnutls_record_check_pending(NULL)))
CASE(gnutls_record_get_direction, 1, null, _, SAME, "0", ret_int(gnutls_record_get_direction(NULL)))
CASE(gnutls_record_get_max_size, 1, null, _, SAME, "16384",
     ret_uint(gnutls_record_get_max_size(NULL)))
CASE(gnutls_record_discard_queued, 1, null, _, SAME, "0",
     ret_uint(gnutls_record_discard_queued(NULL)))

/* ---- ALPN and the key log ---- */

CASE(gnutls_alpn_set_protocols, 1, null, _, SAME, INVAL,
     const gnutls_datum_t h2 = {(unsigned char*)"h2", 2};
     ret_int(gnutls_alpn_set_protocols(NULL, &h2, 1, 0)))
CASE(gnutls_alpn_set_protocols, 2, null, _, SAME, INVAL,
     ret_int(gnutls_alpn_set_protocols(new_client(), NULL, 1, 0)))
CASE(gnutls_alpn_set_protocols, 2, null, datum_data, SAME, INVAL,
     const gnutls_datum_t bad = {NULL, 2};
     ret_int(gnutls_alpn_set_protocols(new_client(), &bad, 1, 0)))
/* More protocols than GnuTLS takes (8). */
CASE(
    gnutls_alpn_set_protocols, 3, range, _, SAME, INVAL, gnutls_datum_t many[9]; int i;
    for (i = 0; i < 9; i++) {
      many[i].data = (unsigned char*)"h2";
      many[i].size = 2;
    } ret_int(gnutls_alpn_set_protocols(new_client(), many, 9, 0)))
CASE(gnutls_alpn_set_protocols, 4, range, _, SAME, "0",
     const gnutls_datum_t h2 = {(unsigned char*)"h2", 2};
     ret_int(gnutls_alpn_set_protocols(new_client(), &h2, 1, UINT_MAX)))
CASE(gnutls_alpn_get_selected_protocol, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_alpn_get_selected_protocol(NULL, &d)))
CASE(gnutls_alpn_get_selected_protocol, 2, null, _, SAME, INVAL,
     ret_int(gnutls_alpn_get_selected_protocol(live_client(), NULL)))
CASE(gnutls_session_set_keylog_function, 1, null, _, SAME, RETURNED,
     gnutls_session_set_keylog_function(NULL, NULL);
     ret_void())
/* NULL: no callback (the key log, if any, goes to SSLKEYLOGFILE). */
CASE(gnutls_session_set_keylog_function, 2, null, _, SAME, IS_NULL,
     gnutls_session_t s = new_client();
     gnutls_session_set_keylog_function(s, NULL);
     ret_ptr((const void*)gnutls_session_get_keylog_function(s)))
CASE(gnutls_session_get_keylog_function, 1, null, _, SAME, IS_NULL,
     ret_ptr((const void*)gnutls_session_get_keylog_function(NULL)))
CASE(gnutls_session_get_random, 1, null, _, SAME, RETURNED, gnutls_datum_t c, r;
     gnutls_session_get_random(NULL, &c, &r); ret_void())
CASE(gnutls_session_get_random, 2, null, _, SAME, "32", gnutls_datum_t r = {NULL, 0};
     gnutls_session_get_random(live_client(), NULL, &r); ret_uint(r.size))
CASE(gnutls_session_get_random, 3, null, _, SAME, "32", gnutls_datum_t c = {NULL, 0};
     gnutls_session_get_random(live_client(), &c, NULL); ret_uint(c.size))

/* ---- closing and alerts ---- */

CASE(gnutls_bye, 1, null, _, SAME, INVAL, ret_int(gnutls_bye(NULL, GNUTLS_SHUT_RDWR)))
/* DIFFERS: GnuTLS answers 0 to a request that is neither RDWR nor WR. */
CASE(gnutls_bye, 2, range, _, DIFFERS, INVAL,
     ret_int(gnutls_bye(live_client(), (gnutls_close_request_t)7)))
CASE(gnutls_alert_send, 1, null, _, SAME, INVAL,
     ret_int(gnutls_alert_send(NULL, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR)))
/* DIFFERS: GnuTLS sends any level and description byte it is given. */
CASE(gnutls_alert_send, 2, range, _, DIFFERS, INVAL,
     ret_int(gnutls_alert_send(live_client(), (gnutls_alert_level_t)99, GNUTLS_A_USER_CANCELED)))
CASE(gnutls_alert_send, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_alert_send(live_client(), GNUTLS_AL_WARNING, (gnutls_alert_description_t)255)))
CASE(gnutls_alert_get, 1, null, _, SAME, "0", ret_int(gnutls_alert_get(NULL)))

/* ---- session information ---- */

CASE(gnutls_protocol_get_version, 1, null, _, SAME, "255",
     ret_int(gnutls_protocol_get_version(NULL)))
CASE(gnutls_cipher_get, 1, null, _, SAME, "1", ret_int(gnutls_cipher_get(NULL)))
CASE(gnutls_mac_get, 1, null, _, SAME, "1", ret_int(gnutls_mac_get(NULL)))
CASE(gnutls_kx_get, 1, null, _, SAME, "0", ret_int(gnutls_kx_get(NULL)))
CASE(gnutls_group_get, 1, null, _, SAME, "0", ret_int(gnutls_group_get(NULL)))
CASE(gnutls_sign_algorithm_get, 1, null, _, SAME, "0", ret_int(gnutls_sign_algorithm_get(NULL)))
CASE(gnutls_certificate_type_get, 1, null, _, SAME, "1", ret_int(gnutls_certificate_type_get(NULL)))
CASE(gnutls_session_get_desc, 1, null, _, SAME, IS_NULL, ret_ptr(gnutls_session_get_desc(NULL)))
CASE(gnutls_session_is_resumed, 1, null, _, SAME, "0", ret_int(gnutls_session_is_resumed(NULL)))
CASE(gnutls_session_enable_compatibility_mode, 1, null, _, SAME, RETURNED,
     gnutls_session_enable_compatibility_mode(NULL);
     ret_void())
CASE(gnutls_session_get_data2, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_session_get_data2(NULL, &d)))
CASE(gnutls_session_get_data2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_session_get_data2(live_client(), NULL)))
/* DIFFERS: GnuTLS answers 0 for its "no session" value before it looks
 * at the session. */
CASE(gnutls_session_set_data, 1, null, _, DIFFERS, INVAL,
     ret_int(gnutls_session_set_data(NULL, "\0\0\0\0", 4)))
CASE(gnutls_session_set_data, 2, null, _, SAME, INVAL,
     ret_int(gnutls_session_set_data(new_client(), NULL, 4)))
CASE(gnutls_session_set_data, 3, range, _, SAME, INVAL,
     ret_int(gnutls_session_set_data(new_client(), "\0\0\0\0", 0)))
CASE(gnutls_session_get_data, 1, null, _, SAME, INVAL, char buf[8]; size_t n = sizeof buf;
     ret_int(gnutls_session_get_data(NULL, buf, &n)))
/* NULL asks for the size: GNUTLS_E_SHORT_MEMORY_BUFFER and the size. */
CASE(gnutls_session_get_data, 2, null, _, SAME, "GNUTLS_E_SHORT_MEMORY_BUFFER", size_t n = 0;
     ret_int(gnutls_session_get_data(live_client(), NULL, &n)))
CASE(gnutls_session_get_data, 3, null, _, SAME, INVAL, char buf[8];
     ret_int(gnutls_session_get_data(live_client(), buf, NULL)))
/* TLS 1.2 session cache and ids (session_db.cpp). GnuTLS crashes on
 * every NULL below but the callbacks', which it stores. */
CASE(gnutls_db_set_store_function, 1, null, _, SAME, RETURNED,
     gnutls_db_set_store_function(NULL, NULL);
     ret_void())
CASE(gnutls_db_set_store_function, 2, null, _, SAME, RETURNED,
     gnutls_db_set_store_function(new_server(), NULL);
     ret_void())
CASE(gnutls_db_set_retrieve_function, 1, null, _, SAME, RETURNED,
     gnutls_db_set_retrieve_function(NULL, NULL);
     ret_void())
CASE(gnutls_db_set_retrieve_function, 2, null, _, SAME, RETURNED,
     gnutls_db_set_retrieve_function(new_server(), NULL);
     ret_void())
CASE(gnutls_db_set_remove_function, 1, null, _, SAME, RETURNED,
     gnutls_db_set_remove_function(NULL, NULL);
     ret_void())
CASE(gnutls_db_set_remove_function, 2, null, _, SAME, RETURNED,
     gnutls_db_set_remove_function(new_server(), NULL);
     ret_void())
CASE(gnutls_db_set_ptr, 1, null, _, SAME, RETURNED, gnutls_db_set_ptr(NULL, "x"); ret_void())
CASE(gnutls_db_set_ptr, 2, null, _, SAME, IS_NULL, gnutls_session_t s = new_server();
     gnutls_db_set_ptr(s, NULL); ret_ptr(gnutls_db_get_ptr(s)))
CASE(gnutls_db_get_ptr, 1, null, _, SAME, IS_NULL, ret_ptr(gnutls_db_get_ptr(NULL)))
CASE(gnutls_db_set_cache_expiration, 1, null, _, SAME, RETURNED,
     gnutls_db_set_cache_expiration(NULL, 60);
     ret_void())
/* A negative expiration: taken without a word, as GnuTLS does. */
CASE(gnutls_db_set_cache_expiration, 2, range, _, SAME, RETURNED,
     gnutls_db_set_cache_expiration(new_server(), -1);
     ret_void())
CASE(gnutls_db_get_default_cache_expiration, 0, call, _, SAME, "21600",
     ret_uint(gnutls_db_get_default_cache_expiration()))
CASE(gnutls_db_check_entry, 1, null, _, SAME, "0", gnutls_datum_t d = {NULL, 0};
     ret_int(gnutls_db_check_entry(NULL, d)))
CASE(gnutls_db_check_entry_time, 1, null, _, SAME, "0",
     ret_int((int)gnutls_db_check_entry_time(NULL)))
CASE(gnutls_db_check_entry_expire_time, 1, null, _, SAME, "0",
     ret_int((int)gnutls_db_check_entry_expire_time(NULL)))
CASE(gnutls_db_remove_session, 1, null, _, SAME, RETURNED, gnutls_db_remove_session(NULL);
     ret_void())
CASE(gnutls_session_get_id, 1, null, _, SAME, INVAL, char buf[32]; size_t n = sizeof buf;
     ret_int(gnutls_session_get_id(NULL, buf, &n)))
/* NULL asks for the size, as GnuTLS answers it: 0. */
CASE(gnutls_session_get_id, 2, null, _, SAME, "0", size_t n = 0;
     ret_int(gnutls_session_get_id(new_client(), NULL, &n)))
CASE(gnutls_session_get_id, 3, null, _, SAME, INVAL, char buf[32];
     ret_int(gnutls_session_get_id(new_client(), buf, NULL)))
CASE(gnutls_session_get_id2, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_session_get_id2(NULL, &d)))
CASE(gnutls_session_get_id2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_session_get_id2(new_client(), NULL)))
CASE(gnutls_session_set_id, 1, null, _, SAME, INVAL,
     gnutls_datum_t d = {(unsigned char*)"12345678", 8};
     ret_int(gnutls_session_set_id(NULL, &d)))
CASE(gnutls_session_set_id, 2, null, _, SAME, INVAL,
     ret_int(gnutls_session_set_id(new_client(), NULL)))
CASE(gnutls_session_resumption_requested, 1, null, _, SAME, "0",
     ret_int(gnutls_session_resumption_requested(NULL)))
CASE(gnutls_session_ticket_key_generate, 1, null, _, SAME, INVAL,
     ret_int(gnutls_session_ticket_key_generate(NULL)))
CASE(gnutls_session_ticket_enable_client, 1, null, _, SAME, INVAL,
     ret_int(gnutls_session_ticket_enable_client(NULL)))
CASE(gnutls_session_ticket_enable_server, 1, null, _, SAME, INVAL, gnutls_datum_t k;
     gnutls_session_ticket_key_generate(&k); ret_int(gnutls_session_ticket_enable_server(NULL, &k));
     gnutls_free(k.data))
CASE(gnutls_session_ticket_enable_server, 2, null, _, SAME, INVAL,
     ret_int(gnutls_session_ticket_enable_server(new_server(), NULL)))
CASE(gnutls_session_ticket_send, 1, null, _, SAME, INVAL,
     ret_int(gnutls_session_ticket_send(NULL, 1, 0)))
/* Zero tickets is a request GnuTLS refuses. */
CASE(gnutls_session_ticket_send, 2, range, _, SAME, INVAL,
     ret_int(gnutls_session_ticket_send(live_server(), 0, 0)))
/* Flags are ignored (none is defined). */
CASE(gnutls_session_ticket_send, 3, range, _, SAME, "0",
     ret_int(gnutls_session_ticket_send(live_server(), 1, 0xffffu)))
/* ---- 0-RTT early data and anti-replay (GnuTLS crashes on the NULL
 * handles and on NULL data to send: Coda refuses them) ---- */
CASE(gnutls_record_set_max_early_data_size, 1, null, _, DIFFERS, INVAL,
     ret_int(gnutls_record_set_max_early_data_size(NULL, 100)))
/* Zero is refused as useless, as in GnuTLS; so is what a uint32 cannot hold. */
CASE(gnutls_record_set_max_early_data_size, 2, range, zero, SAME, INVAL,
     ret_int(gnutls_record_set_max_early_data_size(new_server(), 0)))
CASE(gnutls_record_set_max_early_data_size, 2, range, above_u32, SAME, INVAL,
     ret_int(gnutls_record_set_max_early_data_size(new_server(), (size_t)UINT_MAX + 1)))
CASE(gnutls_record_get_max_early_data_size, 1, null, _, DIFFERS, "0",
     ret_uint(gnutls_record_get_max_early_data_size(NULL)))
CASE(gnutls_record_send_early_data, 1, null, _, DIFFERS, INVAL,
     ret_int((int)gnutls_record_send_early_data(NULL, "x", 1)))
CASE(gnutls_record_send_early_data, 2, null, _, DIFFERS, INVAL,
     ret_int((int)gnutls_record_send_early_data(new_client(), NULL, 1)))
/* More than any limit: GNUTLS_E_RECORD_LIMIT_REACHED. */
CASE(gnutls_record_send_early_data, 3, range, _, SAME, "GNUTLS_E_RECORD_LIMIT_REACHED",
     ret_int((int)gnutls_record_send_early_data(new_client(), "x", SIZE_MAX)))
CASE(gnutls_record_recv_early_data, 1, null, _, DIFFERS, INVAL, char b[4];
     ret_int((int)gnutls_record_recv_early_data(NULL, b, sizeof b)))
/* No early data: the buffer is never looked at. */
CASE(gnutls_record_recv_early_data, 2, null, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     ret_int((int)gnutls_record_recv_early_data(new_server(), NULL, 4)))
CASE(gnutls_record_recv_early_data, 3, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     char b[4];
     ret_int((int)gnutls_record_recv_early_data(new_server(), b, 0)))
CASE(gnutls_anti_replay_init, 1, null, _, DIFFERS, INVAL, ret_int(gnutls_anti_replay_init(NULL)))
CASE(gnutls_anti_replay_deinit, 1, null, _, SAME, RETURNED, gnutls_anti_replay_deinit(NULL);
     ret_void())
CASE(gnutls_anti_replay_enable, 1, null, _, DIFFERS, RETURNED, gnutls_anti_replay_t ar;
     gnutls_anti_replay_init(&ar); gnutls_anti_replay_enable(NULL, ar);
     gnutls_anti_replay_deinit(ar); ret_void())
CASE(gnutls_anti_replay_enable, 2, null, _, SAME, RETURNED,
     gnutls_anti_replay_enable(new_server(), NULL);
     ret_void())
CASE(gnutls_anti_replay_set_window, 1, null, _, DIFFERS, RETURNED,
     gnutls_anti_replay_set_window(NULL, 5);
     ret_void())
CASE(gnutls_anti_replay_set_window, 2, range, _, SAME, RETURNED, gnutls_anti_replay_t ar;
     gnutls_anti_replay_init(&ar); gnutls_anti_replay_set_window(ar, UINT_MAX);
     gnutls_anti_replay_deinit(ar); ret_void())
CASE(gnutls_anti_replay_set_add_function, 1, null, _, DIFFERS, RETURNED,
     gnutls_anti_replay_set_add_function(NULL, NULL);
     ret_void())
CASE(gnutls_anti_replay_set_add_function, 2, null, _, SAME, RETURNED, gnutls_anti_replay_t ar;
     gnutls_anti_replay_init(&ar); gnutls_anti_replay_set_add_function(ar, NULL);
     gnutls_anti_replay_deinit(ar); ret_void())
CASE(gnutls_anti_replay_set_ptr, 1, null, _, DIFFERS, RETURNED,
     gnutls_anti_replay_set_ptr(NULL, NULL);
     ret_void())
CASE(gnutls_anti_replay_set_ptr, 2, null, _, SAME, RETURNED, gnutls_anti_replay_t ar;
     gnutls_anti_replay_init(&ar); gnutls_anti_replay_set_ptr(ar, NULL);
     gnutls_anti_replay_deinit(ar); ret_void())
CASE(gnutls_session_get_verify_cert_status, 1, null, _, SAME, "4294967295",
     ret_uint(gnutls_session_get_verify_cert_status(NULL)))
CASE(gnutls_certificate_get_peers, 1, null, _, SAME, IS_NULL, unsigned n;
     ret_ptr(gnutls_certificate_get_peers(NULL, &n)))
CASE(gnutls_certificate_get_peers, 2, null, _, SAME, NOT_NULL,
     ret_ptr(gnutls_certificate_get_peers(live_client(), NULL)))
CASE(gnutls_certificate_client_get_request_status, 1, null, _, SAME, "0",
     ret_uint(gnutls_certificate_client_get_request_status(NULL)))
CASE(gnutls_certificate_send_x509_rdn_sequence, 1, null, _, SAME, RETURNED,
     gnutls_certificate_send_x509_rdn_sequence(NULL, 1);
     ret_void())
/* Any non-zero status means "do not send", as in GnuTLS. */
CASE(gnutls_certificate_send_x509_rdn_sequence, 2, range, _, SAME, RETURNED,
     gnutls_certificate_send_x509_rdn_sequence(new_server(), -7);
     ret_void())
CASE(gnutls_certificate_verify_peers2, 1, null, _, SAME, INVAL, unsigned st;
     ret_int(gnutls_certificate_verify_peers2(NULL, &st)))
CASE(gnutls_certificate_verify_peers2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_verify_peers2(live_client(), NULL)))
CASE(gnutls_certificate_verify_peers3, 1, null, _, SAME, INVAL, unsigned st;
     ret_int(gnutls_certificate_verify_peers3(NULL, "localhost", &st)))
/* No host name: the chain alone is checked. */
CASE(gnutls_certificate_verify_peers3, 2, null, _, SAME, "0/0", unsigned st = 99;
     int r = gnutls_certificate_verify_peers3(live_client(), NULL, &st); ret_int_and(r, st))
CASE(gnutls_certificate_verify_peers3, 3, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_verify_peers3(live_client(), "localhost", NULL)))
CASE(gnutls_certificate_verification_status_print, 1, range, _, SAME, "0", gnutls_datum_t d;
     int r = gnutls_certificate_verification_status_print(UINT_MAX, GNUTLS_CRT_X509, &d, 0);
     ret_int(r); if (r == 0) gnutls_free(d.data))
CASE(gnutls_certificate_verification_status_print, 2, range, _, SAME, "0", gnutls_datum_t d;
     int r = gnutls_certificate_verification_status_print(GNUTLS_CERT_INVALID,
                                                          (gnutls_certificate_type_t)99, &d, 0);
     ret_int(r); if (r == 0) gnutls_free(d.data))
CASE(gnutls_certificate_verification_status_print, 3, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_verification_status_print(GNUTLS_CERT_INVALID, GNUTLS_CRT_X509,
                                                          NULL, 0)))
CASE(gnutls_certificate_verification_status_print, 4, range, _, SAME, "0", gnutls_datum_t d;
     int r = gnutls_certificate_verification_status_print(0, GNUTLS_CRT_X509, &d, UINT_MAX);
     ret_int(r); if (r == 0) gnutls_free(d.data))

/* ---- credentials ---- */

CASE(gnutls_certificate_allocate_credentials, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_allocate_credentials(NULL)))
CASE(gnutls_certificate_free_credentials, 1, null, _, SAME, RETURNED,
     gnutls_certificate_free_credentials(NULL);
     ret_void())
CASE(gnutls_certificate_free_keys, 1, null, _, SAME, RETURNED, gnutls_certificate_free_keys(NULL);
     ret_void())
CASE(gnutls_certificate_free_cas, 1, null, _, SAME, RETURNED, gnutls_certificate_free_cas(NULL);
     ret_void())
CASE(gnutls_certificate_free_ca_names, 1, null, _, SAME, RETURNED,
     gnutls_certificate_free_ca_names(NULL);
     ret_void())
CASE(gnutls_certificate_free_crls, 1, null, _, SAME, RETURNED, gnutls_certificate_free_crls(NULL);
     ret_void())
CASE(gnutls_certificate_set_verify_flags, 1, null, _, SAME, RETURNED,
     gnutls_certificate_set_verify_flags(NULL, 0);
     ret_void())
CASE(gnutls_certificate_set_verify_flags, 2, range, _, SAME, RETURNED,
     gnutls_certificate_set_verify_flags(empty_credentials(), UINT_MAX);
     ret_void())
CASE(gnutls_certificate_set_verify_function, 1, null, _, SAME, RETURNED,
     gnutls_certificate_set_verify_function(NULL, NULL);
     ret_void())
CASE(gnutls_certificate_set_verify_function, 2, null, _, SAME, RETURNED,
     gnutls_certificate_set_verify_function(empty_credentials(), NULL);
     ret_void())
/* DIFFERS, here and below: GnuTLS reads a NULL trust or CRL file or datum
 * as none (0 added), and a format it does not know as PEM (credentials) or
 * DER (certificates, keys); Coda says the argument is wrong. GnuTLS also
 * answers 0 to an export into NULL that claims room, having written
 * nothing; Coda says how much room is needed. */
#define KEY_FILE_CASES(fn, ...)                                                        \
  CASE(fn, 1, null, _, SAME, INVAL,                                                    \
       ret_int(fn(NULL, cert_file("ecdsa.pem"), cert_file("ecdsa.key"),                \
                  GNUTLS_X509_FMT_PEM __VA_ARGS__)))                                   \
  CASE(fn, 2, null, _, SAME, INVAL,                                                    \
       ret_int(fn(empty_credentials(), NULL, cert_file("ecdsa.key"),                   \
                  GNUTLS_X509_FMT_PEM __VA_ARGS__)))                                   \
  CASE(fn, 3, null, _, SAME, INVAL,                                                    \
       ret_int(fn(empty_credentials(), cert_file("ecdsa.pem"), NULL,                   \
                  GNUTLS_X509_FMT_PEM __VA_ARGS__)))                                   \
  CASE(fn, 4, range, _, DIFFERS, INVAL,                                                \
       ret_int(fn(empty_credentials(), cert_file("ecdsa.pem"), cert_file("ecdsa.key"), \
                  (gnutls_x509_crt_fmt_t)99 __VA_ARGS__)))
KEY_FILE_CASES(gnutls_certificate_set_x509_key_file)
KEY_FILE_CASES(gnutls_certificate_set_x509_key_file2, , NULL, 0)
/* No password: the key is not encrypted. */
CASE(gnutls_certificate_set_x509_key_file2, 5, null, _, SAME, "0",
     ret_int(gnutls_certificate_set_x509_key_file2(empty_credentials(), cert_file("ecdsa.pem"),
                                                   cert_file("ecdsa.key"), GNUTLS_X509_FMT_PEM,
                                                   NULL, 0)))
CASE(gnutls_certificate_set_x509_key_file2, 6, range, _, SAME, "0",
     ret_int(gnutls_certificate_set_x509_key_file2(empty_credentials(), cert_file("ecdsa.pem"),
                                                   cert_file("ecdsa.key"), GNUTLS_X509_FMT_PEM,
                                                   NULL, 1u << 30)))
#define KEY_MEM_CASES(fn, ...)                                                              \
  CASE(fn, 1, null, _, SAME, INVAL,                                                         \
       ret_int(fn(NULL, cert_pem(), key_pem(), GNUTLS_X509_FMT_PEM __VA_ARGS__)))           \
  CASE(fn, 2, null, _, SAME, INVAL,                                                         \
       ret_int(fn(empty_credentials(), NULL, key_pem(), GNUTLS_X509_FMT_PEM __VA_ARGS__)))  \
  CASE(fn, 2, null, datum_data, SAME, INVAL, gnutls_datum_t d = {NULL, 100};                \
       ret_int(fn(empty_credentials(), &d, key_pem(), GNUTLS_X509_FMT_PEM __VA_ARGS__)))    \
  CASE(fn, 3, null, _, SAME, INVAL,                                                         \
       ret_int(fn(empty_credentials(), cert_pem(), NULL, GNUTLS_X509_FMT_PEM __VA_ARGS__))) \
  CASE(fn, 3, null, datum_data, SAME, INVAL, gnutls_datum_t d = {NULL, 100};                \
       ret_int(fn(empty_credentials(), cert_pem(), &d, GNUTLS_X509_FMT_PEM __VA_ARGS__)))   \
  CASE(fn, 4, range, _, DIFFERS, INVAL,                                                     \
       ret_int(                                                                             \
           fn(empty_credentials(), cert_pem(), key_pem(), (gnutls_x509_crt_fmt_t)99 __VA_ARGS__)))
KEY_MEM_CASES(gnutls_certificate_set_x509_key_mem)
KEY_MEM_CASES(gnutls_certificate_set_x509_key_mem2, , NULL, 0)
CASE(gnutls_certificate_set_x509_key_mem2, 5, null, _, SAME, "0",
     ret_int(gnutls_certificate_set_x509_key_mem2(empty_credentials(), cert_pem(), key_pem(),
                                                  GNUTLS_X509_FMT_PEM, NULL, 0)))
CASE(gnutls_certificate_set_x509_key_mem2, 6, range, _, SAME, "0",
     ret_int(gnutls_certificate_set_x509_key_mem2(empty_credentials(), cert_pem(), key_pem(),
                                                  GNUTLS_X509_FMT_PEM, NULL, 1u << 30)))
CASE(gnutls_certificate_set_x509_trust_file, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_file(NULL, cert_file("ca.pem"),
                                                    GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_trust_file, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_file(empty_credentials(), NULL,
                                                    GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_trust_file, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_file(empty_credentials(), cert_file("ca.pem"),
                                                    (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_certificate_set_x509_trust_mem, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_mem(NULL, cert_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_trust_mem, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_mem(empty_credentials(), NULL, GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_trust_mem, 2, null, datum_data, DIFFERS, INVAL,
     gnutls_datum_t d = {NULL, 100};
     ret_int(gnutls_certificate_set_x509_trust_mem(empty_credentials(), &d, GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_trust_mem, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_mem(empty_credentials(), cert_pem(),
                                                   (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_certificate_set_x509_system_trust, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_system_trust(NULL)))
CASE(gnutls_certificate_set_x509_crl_file, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_crl_file(NULL, cert_file("ca.pem"), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_crl_file, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_crl_file(empty_credentials(), NULL, GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_crl_file, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_crl_file(empty_credentials(), cert_file("ca.pem"),
                                                  (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_certificate_set_x509_crl_mem, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_crl_mem(NULL, cert_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_crl_mem, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_crl_mem(empty_credentials(), NULL, GNUTLS_X509_FMT_PEM)))
CASE(gnutls_certificate_set_x509_crl_mem, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_crl_mem(empty_credentials(), cert_pem(),
                                                 (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_anon_allocate_client_credentials, 1, null, _, SAME, INVAL,
     ret_int(gnutls_anon_allocate_client_credentials(NULL)))
CASE(gnutls_anon_allocate_server_credentials, 1, null, _, SAME, INVAL,
     ret_int(gnutls_anon_allocate_server_credentials(NULL)))
CASE(gnutls_anon_free_client_credentials, 1, null, _, SAME, RETURNED,
     gnutls_anon_free_client_credentials(NULL);
     ret_void())
CASE(gnutls_anon_free_server_credentials, 1, null, _, SAME, RETURNED,
     gnutls_anon_free_server_credentials(NULL);
     ret_void())

/* ---- priorities ---- */

CASE(gnutls_priority_init, 1, null, _, SAME, INVAL,
     ret_int(gnutls_priority_init(NULL, "NORMAL", NULL)))
CASE(gnutls_priority_init, 2, null, _, SAME, "0", gnutls_priority_t p;
     int r = gnutls_priority_init(&p, NULL, NULL); ret_int(r);
     if (r == 0) gnutls_priority_deinit(p))
CASE(gnutls_priority_init, 3, null, _, SAME, INVAL, gnutls_priority_t p;
     ret_int(gnutls_priority_init(&p, "NORMAL:+BOGUS", NULL)))
CASE(gnutls_priority_init2, 1, null, _, SAME, INVAL,
     ret_int(gnutls_priority_init2(NULL, "NORMAL", NULL, 0)))
CASE(gnutls_priority_init2, 2, null, _, SAME, "0", gnutls_priority_t p;
     int r = gnutls_priority_init2(&p, NULL, NULL, 0); ret_int(r);
     if (r == 0) gnutls_priority_deinit(p))
CASE(gnutls_priority_init2, 3, null, _, SAME, INVAL, gnutls_priority_t p;
     ret_int(gnutls_priority_init2(&p, "NORMAL:+BOGUS", NULL, 0)))
CASE(gnutls_priority_init2, 4, range, _, SAME, "0", gnutls_priority_t p;
     int r = gnutls_priority_init2(&p, "NORMAL", NULL, 1u << 30); ret_int(r);
     if (r == 0) gnutls_priority_deinit(p))
CASE(gnutls_priority_deinit, 1, null, _, SAME, RETURNED, gnutls_priority_deinit(NULL); ret_void())

/* ---- names and ids ---- */

#define NAME_CASE(fn, value, expected) CASE(fn, 1, range, _, SAME, expected, ret_str(fn(value)))
#define ID_CASE(fn, expected) CASE(fn, 1, null, _, SAME, expected, ret_int(fn(NULL)))
NAME_CASE(gnutls_alert_get_name, (gnutls_alert_description_t)200, IS_NULL)
NAME_CASE(gnutls_alert_get_strname, (gnutls_alert_description_t)200, IS_NULL)
NAME_CASE(gnutls_protocol_get_name, (gnutls_protocol_t)9999, IS_NULL)
NAME_CASE(gnutls_cipher_get_name, (gnutls_cipher_algorithm_t)9999, IS_NULL)
NAME_CASE(gnutls_mac_get_name, (gnutls_mac_algorithm_t)9999, IS_NULL)
NAME_CASE(gnutls_kx_get_name, (gnutls_kx_algorithm_t)9999, IS_NULL)
NAME_CASE(gnutls_sign_get_name, (gnutls_sign_algorithm_t)9999, IS_NULL)
NAME_CASE(gnutls_group_get_name, (gnutls_group_t)9999, IS_NULL)
NAME_CASE(gnutls_certificate_type_get_name, (gnutls_certificate_type_t)9999, IS_NULL)
NAME_CASE(gnutls_handshake_description_get_name, (gnutls_handshake_description_t)200,
          "\"Unknown Handshake packet\"")
NAME_CASE(gnutls_ecc_curve_get_name, (gnutls_ecc_curve_t)9999, IS_NULL)
NAME_CASE(gnutls_pk_get_name, (gnutls_pk_algorithm_t)9999, "\"Unknown\"")
NAME_CASE(gnutls_pk_algorithm_get_name, (gnutls_pk_algorithm_t)9999, IS_NULL)
NAME_CASE(gnutls_digest_get_name, (gnutls_digest_algorithm_t)9999, IS_NULL)
NAME_CASE(gnutls_sec_param_get_name, (gnutls_sec_param_t)9999, "\"Unknown\"")
NAME_CASE(gnutls_compression_get_name, (gnutls_compression_method_t)9999, IS_NULL)
ID_CASE(gnutls_protocol_get_id, "255")
ID_CASE(gnutls_cipher_get_id, "0")
ID_CASE(gnutls_mac_get_id, "0")
ID_CASE(gnutls_kx_get_id, "0")
ID_CASE(gnutls_sign_get_id, "0")
ID_CASE(gnutls_group_get_id, "0")
ID_CASE(gnutls_ecc_curve_get_id, "0")
ID_CASE(gnutls_pk_get_id, "0")
ID_CASE(gnutls_digest_get_id, "0")
ID_CASE(gnutls_certificate_type_get_id, "0")

/* ---- errors ---- */

CASE(gnutls_strerror, 1, range, _, SAME, "\"(unknown error code)\"",
     ret_str(gnutls_strerror(-99999)))
CASE(gnutls_strerror_name, 1, range, _, SAME, IS_NULL, ret_str(gnutls_strerror_name(-99999)))
CASE(gnutls_error_is_fatal, 1, range, unknown, SAME, "1", ret_int(gnutls_error_is_fatal(-99999)))
CASE(gnutls_error_is_fatal, 1, range, positive, SAME, "0", ret_int(gnutls_error_is_fatal(12345)))
CASE(gnutls_perror, 1, range, _, SAME, RETURNED, gnutls_perror(-99999); ret_void())
/* DIFFERS: GnuTLS maps a value that is no error to internal_error. */
CASE(gnutls_error_to_alert, 1, range, positive, DIFFERS, INVAL, int level;
     ret_int(gnutls_error_to_alert(12345, &level)))
CASE(gnutls_error_to_alert, 1, range, unknown, SAME, "80/2", int level = 0;
     int r = gnutls_error_to_alert(-99999, &level); ret_int_and(r, level))
CASE(gnutls_error_to_alert, 2, null, _, SAME, "20",
     ret_int(gnutls_error_to_alert(GNUTLS_E_DECRYPTION_FAILED, NULL)))

/* ---- library, memory, randomness, files, hex ---- */

CASE(gnutls_global_init, 0, call, _, SAME, "0", ret_int(gnutls_global_init()))
CASE(gnutls_global_deinit, 0, call, _, SAME, RETURNED, gnutls_global_deinit(); ret_void())
CASE(gnutls_check_version, 1, null, _, SAME, "\"3.7.9\"", ret_str(gnutls_check_version(NULL)))
CASE(gnutls_global_set_log_function, 1, null, _, SAME, RETURNED,
     gnutls_global_set_log_function(NULL);
     gnutls_global_set_log_level(9); gnutls_handshake(nonblocking_client()); ret_void())
CASE(gnutls_global_set_audit_log_function, 1, null, _, SAME, RETURNED,
     gnutls_global_set_audit_log_function(NULL);
     ret_void())
CASE(gnutls_global_set_log_level, 1, range, _, SAME, RETURNED, gnutls_global_set_log_level(-5);
     ret_void())
CASE(gnutls_fips140_mode_enabled, 0, call, _, SAME, "0", ret_uint(gnutls_fips140_mode_enabled()))
/* DIFFERS: GnuTLS says GNUTLS_E_RANDOM_FAILED, as if the generator failed. */
CASE(gnutls_rnd, 1, range, _, DIFFERS, INVAL, unsigned char b[16];
     ret_int(gnutls_rnd((gnutls_rnd_level_t)99, b, sizeof b)))
CASE(gnutls_rnd, 2, null, _, SAME, INVAL, ret_int(gnutls_rnd(GNUTLS_RND_NONCE, NULL, 16)))
CASE(gnutls_rnd, 3, range, _, SAME, "0", unsigned char b[1];
     ret_int(gnutls_rnd(GNUTLS_RND_NONCE, b, 0)))
CASE(gnutls_rnd_refresh, 0, call, _, SAME, RETURNED, gnutls_rnd_refresh(); ret_void())
CASE(gnutls_load_file, 1, null, _, SAME, "GNUTLS_E_FILE_ERROR", gnutls_datum_t d;
     ret_int(gnutls_load_file(NULL, &d)))
CASE(gnutls_load_file, 2, null, _, SAME, INVAL,
     ret_int(gnutls_load_file(cert_file("ca.pem"), NULL)))
CASE(gnutls_memset, 1, null, _, SAME, RETURNED, gnutls_memset(NULL, 0, 16); ret_void())
/* The byte is c converted to unsigned char, as memset(3). */
CASE(gnutls_memset, 2, range, _, SAME, "255", unsigned char b[4]; gnutls_memset(b, 0x1ff, sizeof b);
     ret_int(b[3]))
CASE(gnutls_memset, 3, range, _, SAME, RETURNED, gnutls_memset(NULL, 0, 0); ret_void())
/* Unreadable memory is never "equal". */
CASE(gnutls_memcmp, 1, null, _, SAME, INVAL, ret_int(gnutls_memcmp(NULL, "abcd", 4)))
CASE(gnutls_memcmp, 2, null, _, SAME, INVAL, ret_int(gnutls_memcmp("abcd", NULL, 4)))
CASE(gnutls_memcmp, 3, range, _, SAME, "0", ret_int(gnutls_memcmp("abcd", "wxyz", 0)))
CASE(gnutls_hex_encode, 1, null, _, SAME, INVAL, char b[16]; size_t n = sizeof b;
     ret_int(gnutls_hex_encode(NULL, b, &n)))
CASE(gnutls_hex_encode, 1, null, datum_data, SAME, INVAL, char b[16]; size_t n = sizeof b;
     gnutls_datum_t d = {NULL, 4}; ret_int(gnutls_hex_encode(&d, b, &n)))
CASE(gnutls_hex_encode, 2, null, _, SAME, SHORT_BUF, size_t n = 64;
     ret_int(gnutls_hex_encode(hex_datum(), NULL, &n)))
CASE(gnutls_hex_encode, 3, null, _, SAME, INVAL, char b[16];
     ret_int(gnutls_hex_encode(hex_datum(), b, NULL)))
CASE(gnutls_hex_decode, 1, null, _, SAME, INVAL, unsigned char b[16]; size_t n = sizeof b;
     ret_int(gnutls_hex_decode(NULL, b, &n)))
CASE(gnutls_hex_decode, 1, null, datum_data, SAME, INVAL, unsigned char b[16]; size_t n = sizeof b;
     gnutls_datum_t d = {NULL, 4}; ret_int(gnutls_hex_decode(&d, b, &n)))
CASE(gnutls_hex_decode, 2, null, _, SAME, SHORT_BUF, size_t n = 64;
     ret_int(gnutls_hex_decode(hex_datum(), NULL, &n)))
CASE(gnutls_hex_decode, 3, null, _, SAME, INVAL, unsigned char b[16];
     ret_int(gnutls_hex_decode(hex_datum(), b, NULL)))
CASE(gnutls_hex_encode2, 1, null, _, SAME, INVAL, gnutls_datum_t out;
     ret_int(gnutls_hex_encode2(NULL, &out)))
CASE(gnutls_hex_encode2, 1, null, datum_data, SAME, INVAL, gnutls_datum_t out;
     gnutls_datum_t d = {NULL, 4}; ret_int(gnutls_hex_encode2(&d, &out)))
CASE(gnutls_hex_encode2, 2, null, _, SAME, INVAL, ret_int(gnutls_hex_encode2(hex_datum(), NULL)))
CASE(gnutls_hex_decode2, 1, null, _, SAME, INVAL, gnutls_datum_t out;
     ret_int(gnutls_hex_decode2(NULL, &out)))
CASE(gnutls_hex_decode2, 1, null, datum_data, SAME, INVAL, gnutls_datum_t out;
     gnutls_datum_t d = {NULL, 4}; ret_int(gnutls_hex_decode2(&d, &out)))
CASE(gnutls_hex_decode2, 2, null, _, SAME, INVAL, ret_int(gnutls_hex_decode2(hex_datum(), NULL)))
/* The allocator hooks: exported variables, called through. */
CASE(gnutls_free, 0, call, _, SAME, RETURNED, gnutls_free(NULL); ret_void())
CASE(gnutls_malloc, 0, call, _, SAME, IS_NULL, ret_ptr(gnutls_malloc(SIZE_MAX)))
CASE(gnutls_calloc, 0, call, _, SAME, IS_NULL, ret_ptr(gnutls_calloc(SIZE_MAX / 2 + 2, 2)))
CASE(gnutls_realloc, 0, call, _, SAME, IS_NULL, ret_ptr(gnutls_realloc(NULL, SIZE_MAX)))
CASE(gnutls_strdup, 0, call, _, SAME, IS_NULL, ret_ptr(gnutls_strdup(NULL)))

/* ---- X.509 certificates and public keys ---- */

CASE(gnutls_x509_crt_init, 1, null, _, SAME, INVAL, ret_int(gnutls_x509_crt_init(NULL)))
CASE(gnutls_x509_crt_deinit, 1, null, _, SAME, RETURNED, gnutls_x509_crt_deinit(NULL); ret_void())
CASE(gnutls_x509_crt_import, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_import(NULL, cert_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_x509_crt_import, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_import(empty_certificate(), NULL, GNUTLS_X509_FMT_PEM)))
CASE(gnutls_x509_crt_import, 2, null, datum_data, SAME, INVAL, gnutls_datum_t d = {NULL, 100};
     ret_int(gnutls_x509_crt_import(empty_certificate(), &d, GNUTLS_X509_FMT_PEM)))
CASE(gnutls_x509_crt_import, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_crt_import(empty_certificate(), cert_pem(), (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_x509_crt_export, 1, null, _, SAME, INVAL, char b[4096]; size_t n = sizeof b;
     ret_int(gnutls_x509_crt_export(NULL, GNUTLS_X509_FMT_PEM, b, &n)))
CASE(gnutls_x509_crt_export, 2, range, _, DIFFERS, INVAL, char b[4096]; size_t n = sizeof b;
     ret_int(gnutls_x509_crt_export(certificate(), (gnutls_x509_crt_fmt_t)99, b, &n)))
CASE(gnutls_x509_crt_export, 3, null, _, DIFFERS, SHORT_BUF, size_t n = 4096;
     ret_int(gnutls_x509_crt_export(certificate(), GNUTLS_X509_FMT_PEM, NULL, &n)))
CASE(gnutls_x509_crt_export, 4, null, _, SAME, INVAL, char b[4096];
     ret_int(gnutls_x509_crt_export(certificate(), GNUTLS_X509_FMT_PEM, b, NULL)))
CASE(gnutls_x509_crt_export2, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_x509_crt_export2(NULL, GNUTLS_X509_FMT_PEM, &d)))
CASE(gnutls_x509_crt_export2, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d;
     int r = gnutls_x509_crt_export2(certificate(), (gnutls_x509_crt_fmt_t)99, &d); ret_int(r);
     if (r == 0) gnutls_free(d.data))
CASE(gnutls_x509_crt_export2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_export2(certificate(), GNUTLS_X509_FMT_PEM, NULL)))
CASE(gnutls_x509_crt_get_activation_time, 1, null, _, SAME, "-1",
     ret_int((long)gnutls_x509_crt_get_activation_time(NULL)))
CASE(gnutls_x509_crt_get_expiration_time, 1, null, _, SAME, "-1",
     ret_int((long)gnutls_x509_crt_get_expiration_time(NULL)))
CASE(gnutls_x509_crt_check_hostname, 1, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_check_hostname(NULL, "localhost")))
CASE(gnutls_x509_crt_check_hostname, 2, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_check_hostname(certificate(), NULL)))
CASE(gnutls_x509_crt_check_hostname2, 1, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_check_hostname2(NULL, "localhost", 0)))
CASE(gnutls_x509_crt_check_hostname2, 2, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_check_hostname2(certificate(), NULL, 0)))
CASE(gnutls_x509_crt_check_hostname2, 3, range, _, SAME, "1",
     ret_uint(gnutls_x509_crt_check_hostname2(certificate(), "localhost", UINT_MAX)))
#define DN_CASES(fn, fn2)                                                                       \
  CASE(fn, 1, null, _, SAME, INVAL, char b[512]; size_t n = sizeof b; ret_int(fn(NULL, b, &n))) \
  CASE(fn, 2, null, _, SAME, SHORT_BUF, size_t n = 512; ret_int(fn(certificate(), NULL, &n)))   \
  CASE(fn, 3, null, _, SAME, INVAL, char b[512]; ret_int(fn(certificate(), b, NULL)))           \
  CASE(fn2, 1, null, _, SAME, INVAL, gnutls_datum_t d; ret_int(fn2(NULL, &d)))                  \
  CASE(fn2, 2, null, _, SAME, INVAL, ret_int(fn2(certificate(), NULL)))
DN_CASES(gnutls_x509_crt_get_dn, gnutls_x509_crt_get_dn2)
DN_CASES(gnutls_x509_crt_get_issuer_dn, gnutls_x509_crt_get_issuer_dn2)
CASE(gnutls_pubkey_init, 1, null, _, SAME, INVAL, ret_int(gnutls_pubkey_init(NULL)))
CASE(gnutls_pubkey_deinit, 1, null, _, SAME, RETURNED, gnutls_pubkey_deinit(NULL); ret_void())
CASE(gnutls_pubkey_import_x509, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import_x509(NULL, certificate(), 0)))
CASE(gnutls_pubkey_import_x509, 2, null, _, SAME, INVAL, gnutls_pubkey_t k; gnutls_pubkey_init(&k);
     ret_int(gnutls_pubkey_import_x509(k, NULL, 0)); gnutls_pubkey_deinit(k))
CASE(gnutls_pubkey_import_x509, 3, range, _, SAME, "0", gnutls_pubkey_t k; gnutls_pubkey_init(&k);
     ret_int(gnutls_pubkey_import_x509(k, certificate(), UINT_MAX)); gnutls_pubkey_deinit(k))
CASE(gnutls_pubkey_export, 1, null, _, SAME, INVAL, char b[1024]; size_t n = sizeof b;
     ret_int(gnutls_pubkey_export(NULL, GNUTLS_X509_FMT_PEM, b, &n)))
CASE(gnutls_pubkey_export, 2, range, _, DIFFERS, INVAL, char b[1024]; size_t n = sizeof b;
     ret_int(gnutls_pubkey_export(public_key(), (gnutls_x509_crt_fmt_t)99, b, &n)))
CASE(gnutls_pubkey_export, 3, null, _, DIFFERS, SHORT_BUF, size_t n = 1024;
     ret_int(gnutls_pubkey_export(public_key(), GNUTLS_X509_FMT_PEM, NULL, &n)))
CASE(gnutls_pubkey_export, 4, null, _, SAME, INVAL, char b[1024];
     ret_int(gnutls_pubkey_export(public_key(), GNUTLS_X509_FMT_PEM, b, NULL)))
CASE(gnutls_pubkey_export2, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_pubkey_export2(NULL, GNUTLS_X509_FMT_PEM, &d)))
CASE(gnutls_pubkey_export2, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d;
     int r = gnutls_pubkey_export2(public_key(), (gnutls_x509_crt_fmt_t)99, &d); ret_int(r);
     if (r == 0) gnutls_free(d.data))
CASE(gnutls_pubkey_export2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_export2(public_key(), GNUTLS_X509_FMT_PEM, NULL)))

/* ---- the X.509 objects, keys, fingerprints and base64 ---- */

CASE(gnutls_fingerprint, 1, range, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_fingerprint((gnutls_digest_algorithm_t)999, cert_pem(), (void*)b3, &n4)))
CASE(gnutls_fingerprint, 2, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_fingerprint(GNUTLS_DIG_SHA256, NULL, (void*)b3, &n4)))
CASE(gnutls_fingerprint, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_fingerprint(GNUTLS_DIG_SHA256, cert_pem(), NULL, &n4)))
CASE(gnutls_fingerprint, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_fingerprint(GNUTLS_DIG_SHA256, cert_pem(), (void*)b3, NULL)))
CASE(gnutls_hash_fast, 1, range, _, SAME, INVAL, unsigned char b4[8192];
     ret_int(gnutls_hash_fast((gnutls_digest_algorithm_t)999, "abc", 0, (void*)b4)))
CASE(gnutls_hash_fast, 2, null, _, SAME, "0", unsigned char b4[8192];
     ret_int(gnutls_hash_fast(GNUTLS_DIG_SHA256, NULL, 0, (void*)b4)))
/* A length with no bytes behind it (a length alone cannot be checked). */
CASE(gnutls_hash_fast, 3, range, _, SAME, INVAL, unsigned char b4[8192];
     ret_int(gnutls_hash_fast(GNUTLS_DIG_SHA256, NULL, UINT_MAX, (void*)b4)))
CASE(gnutls_hash_fast, 4, null, _, SAME, INVAL,
     ret_int(gnutls_hash_fast(GNUTLS_DIG_SHA256, "abc", 0, NULL)))
CASE(gnutls_hash_get_len, 1, range, _, SAME, "0",
     ret_uint(gnutls_hash_get_len((gnutls_digest_algorithm_t)999)))
CASE(gnutls_pcert_deinit, 1, null, _, SAME, RETURNED, gnutls_pcert_deinit(NULL); ret_void())
CASE(gnutls_pcert_export_x509, 1, null, _, SAME, INVAL, gnutls_x509_crt_t x2 = NULL;
     ret_int(gnutls_pcert_export_x509(NULL, &x2)); if (x2) gnutls_x509_crt_deinit(x2))
CASE(gnutls_pcert_export_x509, 2, null, _, SAME, INVAL, gnutls_pcert_st p1;
     gnutls_pcert_import_x509(&p1, certificate(), 0); ret_int(gnutls_pcert_export_x509(&p1, NULL));
     gnutls_pcert_deinit(&p1))
CASE(gnutls_pcert_import_x509, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pcert_import_x509(NULL, certificate(), 0)))
CASE(
    gnutls_pcert_import_x509, 2, null, _, SAME, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); ret_int(gnutls_pcert_import_x509(p1, NULL, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_import_x509, 3, range, _, SAME, "0", gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); ret_int(gnutls_pcert_import_x509(p1, certificate(), UINT_MAX)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_import_x509_list, 1, null, _, SAME, INVAL, gnutls_x509_crt_t c2[8]; {
      int k;
      for (k = 0; k < 8; k++) c2[k] = certificate();
    } unsigned u3 = 8;
    ret_int(gnutls_pcert_import_x509_list(NULL, c2, &u3, 0)))
CASE(
    gnutls_pcert_import_x509_list, 2, null, _, SAME, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); unsigned u3 = 8;
    ret_int(gnutls_pcert_import_x509_list(p1, NULL, &u3, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_import_x509_list, 3, null, _, SAME, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); gnutls_x509_crt_t c2[8]; {
      int k;
      for (k = 0; k < 8; k++) c2[k] = certificate();
    } ret_int(gnutls_pcert_import_x509_list(p1, c2, NULL, 0));
    {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_import_x509_list, 4, range, _, SAME, "0", gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); gnutls_x509_crt_t c2[8]; {
      int k;
      for (k = 0; k < 8; k++) c2[k] = certificate();
    } unsigned u3 = 8;
    ret_int(gnutls_pcert_import_x509_list(p1, c2, &u3, UINT_MAX)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(gnutls_pcert_import_x509_raw, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pcert_import_x509_raw(NULL, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
CASE(
    gnutls_pcert_import_x509_raw, 2, null, _, SAME, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1);
    ret_int(gnutls_pcert_import_x509_raw(p1, NULL, GNUTLS_X509_FMT_PEM, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(
    gnutls_pcert_import_x509_raw, 3, range, _, DIFFERS, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1);
    ret_int(gnutls_pcert_import_x509_raw(p1, cert_pem(), (gnutls_x509_crt_fmt_t)999, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_import_x509_raw, 4, range, _, SAME, "0", gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1);
    ret_int(gnutls_pcert_import_x509_raw(p1, cert_pem(), GNUTLS_X509_FMT_PEM, UINT_MAX)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(gnutls_pcert_list_import_x509_raw, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_pcert_list_import_x509_raw(NULL, &u2, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
CASE(
    gnutls_pcert_list_import_x509_raw, 2, null, _, SAME, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1);
    ret_int(gnutls_pcert_list_import_x509_raw(p1, NULL, cert_pem(), GNUTLS_X509_FMT_PEM, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_list_import_x509_raw, 3, null, _, SAME, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); unsigned u2 = 8;
    ret_int(gnutls_pcert_list_import_x509_raw(p1, &u2, NULL, GNUTLS_X509_FMT_PEM, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(
    gnutls_pcert_list_import_x509_raw, 4, range, _, DIFFERS, INVAL, gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); unsigned u2 = 8;
    ret_int(gnutls_pcert_list_import_x509_raw(p1, &u2, cert_pem(), (gnutls_x509_crt_fmt_t)999, 0));
    {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(
    gnutls_pcert_list_import_x509_raw, 5, range, _, SAME, "0", gnutls_pcert_st p1[8];
    memset(p1, 0, sizeof p1); unsigned u2 = 8;
    ret_int(gnutls_pcert_list_import_x509_raw(p1, &u2, cert_pem(), GNUTLS_X509_FMT_PEM, UINT_MAX));
    {
      int k;
      for (k = 0; k < 8; k++)
        if (p1[k].cert.data) gnutls_pcert_deinit(&p1[k]);
    })
CASE(gnutls_pem_base64_decode, 1, null, _, SAME, "0", unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_pem_base64_decode(NULL, cert_pem(), (unsigned char*)b3, &n4)))
CASE(gnutls_pem_base64_decode, 2, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_pem_base64_decode("CERTIFICATE", NULL, (unsigned char*)b3, &n4)))
CASE(gnutls_pem_base64_decode, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_pem_base64_decode("CERTIFICATE", cert_pem(), NULL, &n4)))
CASE(gnutls_pem_base64_decode, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_pem_base64_decode("CERTIFICATE", cert_pem(), (unsigned char*)b3, NULL)))
CASE(gnutls_pem_base64_decode2, 1, null, _, SAME, "0", gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_pem_base64_decode2(NULL, cert_pem(), &d3)); gnutls_free(d3.data))
CASE(gnutls_pem_base64_decode2, 2, null, _, SAME, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_pem_base64_decode2("CERTIFICATE", NULL, &d3)); gnutls_free(d3.data))
CASE(gnutls_pem_base64_decode2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_pem_base64_decode2("CERTIFICATE", cert_pem(), NULL)))
/* DIFFERS: a PEM block needs a label; GnuTLS writes "-----BEGIN (null)". */
CASE(gnutls_pem_base64_encode, 1, null, _, DIFFERS, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_pem_base64_encode(NULL, cert_pem(), (char*)b3, &n4)))
CASE(gnutls_pem_base64_encode, 2, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_pem_base64_encode("CERTIFICATE", NULL, (char*)b3, &n4)))
CASE(gnutls_pem_base64_encode, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_pem_base64_encode("CERTIFICATE", cert_pem(), NULL, &n4)))
CASE(gnutls_pem_base64_encode, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_pem_base64_encode("CERTIFICATE", cert_pem(), (char*)b3, NULL)))
/* DIFFERS: a PEM block needs a label; GnuTLS writes "-----BEGIN (null)". */
CASE(gnutls_pem_base64_encode2, 1, null, _, DIFFERS, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_pem_base64_encode2(NULL, cert_pem(), &d3)); gnutls_free(d3.data))
CASE(gnutls_pem_base64_encode2, 2, null, _, SAME, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_pem_base64_encode2("CERTIFICATE", NULL, &d3)); gnutls_free(d3.data))
CASE(gnutls_pem_base64_encode2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_pem_base64_encode2("CERTIFICATE", cert_pem(), NULL)))
CASE(gnutls_pk_bits_to_sec_param, 1, range, _, SAME, "0",
     ret_int(gnutls_pk_bits_to_sec_param((gnutls_pk_algorithm_t)999, 0)))
CASE(gnutls_pk_bits_to_sec_param, 2, range, _, SAME, "50",
     ret_int(gnutls_pk_bits_to_sec_param(GNUTLS_PK_ECDSA, UINT_MAX)))
CASE(gnutls_privkey_deinit, 1, null, _, SAME, RETURNED, gnutls_privkey_deinit(NULL); ret_void())
CASE(gnutls_privkey_export_x509, 1, null, _, SAME, INVAL, gnutls_x509_privkey_t xk2 = NULL;
     ret_int(gnutls_privkey_export_x509(NULL, &xk2)); if (xk2) gnutls_x509_privkey_deinit(xk2))
CASE(gnutls_privkey_export_x509, 2, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_export_x509(private_key(), NULL)))
CASE(gnutls_privkey_get_pk_algorithm, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_privkey_get_pk_algorithm(NULL, &u2)))
CASE(gnutls_privkey_get_pk_algorithm, 2, null, _, SAME, "4",
     ret_int(gnutls_privkey_get_pk_algorithm(private_key(), NULL)))
CASE(gnutls_privkey_get_type, 1, null, _, SAME, "0", ret_int(gnutls_privkey_get_type(NULL)))
CASE(gnutls_privkey_import_x509, 1, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_import_x509(NULL, x509_private_key(), 0)))
/* DIFFERS: a count with no list (or no key) behind it is refused. */
CASE(gnutls_privkey_import_x509, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_privkey_import_x509(private_key(), NULL, 0)))
CASE(gnutls_privkey_import_x509, 3, range, _, SAME, "0",
     ret_int(gnutls_privkey_import_x509(private_key(), x509_private_key(), UINT_MAX)))
CASE(gnutls_privkey_import_x509_raw, 1, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_import_x509_raw(NULL, key_pem(), GNUTLS_X509_FMT_PEM, NULL, 0)))
CASE(gnutls_privkey_import_x509_raw, 2, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_import_x509_raw(private_key(), NULL, GNUTLS_X509_FMT_PEM, NULL, 0)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_privkey_import_x509_raw, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_privkey_import_x509_raw(private_key(), key_pem(), (gnutls_x509_crt_fmt_t)999,
                                            NULL, 0)))
CASE(gnutls_privkey_import_x509_raw, 4, null, _, SAME, "0",
     ret_int(gnutls_privkey_import_x509_raw(private_key(), key_pem(), GNUTLS_X509_FMT_PEM, NULL,
                                            0)))
CASE(gnutls_privkey_import_x509_raw, 5, range, _, SAME, "0",
     ret_int(gnutls_privkey_import_x509_raw(private_key(), key_pem(), GNUTLS_X509_FMT_PEM, NULL,
                                            UINT_MAX)))
CASE(gnutls_privkey_init, 1, null, _, SAME, INVAL, ret_int(gnutls_privkey_init(NULL)))
CASE(gnutls_privkey_sign_data, 1, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data(NULL, GNUTLS_DIG_SHA256, 0, cert_pem(), &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data, 2, range, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data(private_key(), (gnutls_digest_algorithm_t)999, 0, cert_pem(),
                                      &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data, 3, range, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data(private_key(), GNUTLS_DIG_SHA256, UINT_MAX, cert_pem(), &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data, 4, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data(private_key(), GNUTLS_DIG_SHA256, 0, NULL, &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data, 5, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_sign_data(private_key(), GNUTLS_DIG_SHA256, 0, cert_pem(), NULL)))
CASE(gnutls_privkey_sign_data2, 1, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data2(NULL, GNUTLS_SIGN_ECDSA_SHA256, 0, cert_pem(), &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data2, 2, range, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data2(private_key(), (gnutls_sign_algorithm_t)999, 0, cert_pem(),
                                       &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data2, 3, range, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data2(private_key(), GNUTLS_SIGN_ECDSA_SHA256, UINT_MAX,
                                       cert_pem(), &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data2, 4, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_data2(private_key(), GNUTLS_SIGN_ECDSA_SHA256, 0, NULL, &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_data2, 5, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_sign_data2(private_key(), GNUTLS_SIGN_ECDSA_SHA256, 0, cert_pem(),
                                       NULL)))
CASE(gnutls_privkey_sign_hash, 1, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_hash(NULL, GNUTLS_DIG_SHA256, 0, cert_pem(), &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_hash, 2, range, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_hash(private_key(), (gnutls_digest_algorithm_t)999, 0, cert_pem(),
                                      &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_hash, 3, range, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_hash(private_key(), GNUTLS_DIG_SHA256, UINT_MAX, cert_pem(), &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_hash, 4, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_privkey_sign_hash(private_key(), GNUTLS_DIG_SHA256, 0, NULL, &d5));
     gnutls_free(d5.data))
CASE(gnutls_privkey_sign_hash, 5, null, _, SAME, INVAL,
     ret_int(gnutls_privkey_sign_hash(private_key(), GNUTLS_DIG_SHA256, 0, cert_pem(), NULL)))
CASE(gnutls_pubkey_get_key_id, 1, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_pubkey_get_key_id(NULL, 0, (unsigned char*)b3, &n4)))
CASE(gnutls_pubkey_get_key_id, 2, range, _, SAME, "0", unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_pubkey_get_key_id(public_key(), UINT_MAX, (unsigned char*)b3, &n4)))
CASE(gnutls_pubkey_get_key_id, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_pubkey_get_key_id(public_key(), 0, NULL, &n4)))
CASE(gnutls_pubkey_get_key_id, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_pubkey_get_key_id(public_key(), 0, (unsigned char*)b3, NULL)))
CASE(gnutls_pubkey_get_pk_algorithm, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_pubkey_get_pk_algorithm(NULL, &u2)))
CASE(gnutls_pubkey_get_pk_algorithm, 2, null, _, SAME, "4",
     ret_int(gnutls_pubkey_get_pk_algorithm(public_key(), NULL)))
CASE(gnutls_pubkey_import, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import(NULL, cert_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_pubkey_import, 2, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import(public_key(), NULL, GNUTLS_X509_FMT_PEM)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_pubkey_import, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_pubkey_import(public_key(), cert_pem(), (gnutls_x509_crt_fmt_t)999)))
CASE(gnutls_pubkey_import_privkey, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import_privkey(NULL, private_key(), 0, 0)))
CASE(gnutls_pubkey_import_privkey, 2, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import_privkey(public_key(), NULL, 0, 0)))
CASE(gnutls_pubkey_import_privkey, 3, range, _, SAME, "0",
     ret_int(gnutls_pubkey_import_privkey(public_key(), private_key(), UINT_MAX, 0)))
CASE(gnutls_pubkey_import_privkey, 4, range, _, SAME, "0",
     ret_int(gnutls_pubkey_import_privkey(public_key(), private_key(), 0, UINT_MAX)))
CASE(gnutls_pubkey_import_x509_raw, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import_x509_raw(NULL, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
CASE(gnutls_pubkey_import_x509_raw, 2, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_import_x509_raw(public_key(), NULL, GNUTLS_X509_FMT_PEM, 0)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_pubkey_import_x509_raw, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_pubkey_import_x509_raw(public_key(), cert_pem(), (gnutls_x509_crt_fmt_t)999,
                                           0)))
CASE(gnutls_pubkey_import_x509_raw, 4, range, _, SAME, "0",
     ret_int(gnutls_pubkey_import_x509_raw(public_key(), cert_pem(), GNUTLS_X509_FMT_PEM,
                                           UINT_MAX)))
CASE(gnutls_pubkey_verify_data2, 1, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_verify_data2(NULL, GNUTLS_SIGN_ECDSA_SHA256, 0, cert_pem(), cert_pem())))
CASE(gnutls_pubkey_verify_data2, 2, range, _, SAME, INVAL,
     ret_int(gnutls_pubkey_verify_data2(public_key(), (gnutls_sign_algorithm_t)999, 0, cert_pem(),
                                        cert_pem())))
CASE(gnutls_pubkey_verify_data2, 3, range, _, SAME, INVAL,
     ret_int(gnutls_pubkey_verify_data2(public_key(), GNUTLS_SIGN_ECDSA_SHA256, UINT_MAX,
                                        cert_pem(), cert_pem())))
CASE(gnutls_pubkey_verify_data2, 4, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_verify_data2(public_key(), GNUTLS_SIGN_ECDSA_SHA256, 0, NULL,
                                        cert_pem())))
CASE(gnutls_pubkey_verify_data2, 5, null, _, SAME, INVAL,
     ret_int(gnutls_pubkey_verify_data2(public_key(), GNUTLS_SIGN_ECDSA_SHA256, 0, cert_pem(),
                                        NULL)))
CASE(gnutls_sec_param_to_pk_bits, 1, range, _, SAME, "2048",
     ret_uint(gnutls_sec_param_to_pk_bits((gnutls_pk_algorithm_t)999, GNUTLS_SEC_PARAM_MEDIUM)))
CASE(gnutls_sec_param_to_pk_bits, 2, range, _, SAME, "0",
     ret_uint(gnutls_sec_param_to_pk_bits(GNUTLS_PK_ECDSA, (gnutls_sec_param_t)999)))
CASE(gnutls_x509_crt_check_issuer, 1, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_check_issuer(NULL, certificate())))
CASE(gnutls_x509_crt_check_issuer, 2, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_check_issuer(certificate(), NULL)))
CASE(gnutls_x509_crt_equals, 1, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_equals(NULL, certificate())))
CASE(gnutls_x509_crt_equals, 2, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_equals(certificate(), NULL)))
CASE(gnutls_x509_crt_equals2, 1, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_equals2(NULL, cert_pem())))
CASE(gnutls_x509_crt_equals2, 2, null, _, SAME, "0",
     ret_uint(gnutls_x509_crt_equals2(certificate(), NULL)))
CASE(gnutls_x509_crt_get_authority_key_id, 1, null, _, SAME, INVAL, unsigned char b2[8192];
     size_t n3 = 8192; unsigned u4 = 8;
     ret_int(gnutls_x509_crt_get_authority_key_id(NULL, (void*)b2, &n3, &u4)))
/* DIFFERS: a NULL buffer gets GNUTLS_E_SHORT_MEMORY_BUFFER and the size
 * needed (GnuTLS returns 0 and writes nothing). */
CASE(gnutls_x509_crt_get_authority_key_id, 2, null, _, DIFFERS, SHORT_BUF, size_t n3 = 8192;
     unsigned u4 = 8; ret_int(gnutls_x509_crt_get_authority_key_id(certificate(), NULL, &n3, &u4)))
CASE(gnutls_x509_crt_get_authority_key_id, 3, null, _, SAME, INVAL, unsigned char b2[8192];
     unsigned u4 = 8;
     ret_int(gnutls_x509_crt_get_authority_key_id(certificate(), (void*)b2, NULL, &u4)))
CASE(gnutls_x509_crt_get_authority_key_id, 4, null, _, SAME, "0", unsigned char b2[8192];
     size_t n3 = 8192;
     ret_int(gnutls_x509_crt_get_authority_key_id(certificate(), (void*)b2, &n3, NULL)))
CASE(gnutls_x509_crt_get_basic_constraints, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     unsigned u3 = 8; int i4 = 0;
     ret_int(gnutls_x509_crt_get_basic_constraints(NULL, &u2, &u3, &i4)))
CASE(gnutls_x509_crt_get_basic_constraints, 2, null, _, SAME, "0", unsigned u3 = 8; int i4 = 0;
     ret_int(gnutls_x509_crt_get_basic_constraints(certificate(), NULL, &u3, &i4)))
CASE(gnutls_x509_crt_get_basic_constraints, 3, null, _, SAME, "0", unsigned u2 = 8; int i4 = 0;
     ret_int(gnutls_x509_crt_get_basic_constraints(certificate(), &u2, NULL, &i4)))
CASE(gnutls_x509_crt_get_basic_constraints, 4, null, _, SAME, "0", unsigned u2 = 8; unsigned u3 = 8;
     ret_int(gnutls_x509_crt_get_basic_constraints(certificate(), &u2, &u3, NULL)))
CASE(gnutls_x509_crt_get_ca_status, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_x509_crt_get_ca_status(NULL, &u2)))
CASE(gnutls_x509_crt_get_ca_status, 2, null, _, SAME, "0",
     ret_int(gnutls_x509_crt_get_ca_status(certificate(), NULL)))
CASE(gnutls_x509_crt_get_dn_by_oid, 1, null, _, SAME, INVAL, unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_dn_by_oid(NULL, "2.5.4.3", 0, 0, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_dn_by_oid, 2, null, _, SAME, INVAL, unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_dn_by_oid(certificate(), NULL, 0, 0, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_dn_by_oid, 3, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_dn_by_oid(certificate(), "2.5.4.3", UINT_MAX, 0, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_dn_by_oid, 4, range, _, SAME, "0", unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_dn_by_oid(certificate(), "2.5.4.3", 0, UINT_MAX, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_dn_by_oid, 5, null, _, SAME, SHORT_BUF, size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_dn_by_oid(certificate(), "2.5.4.3", 0, 0, NULL, &n6)))
CASE(gnutls_x509_crt_get_dn_by_oid, 6, null, _, SAME, INVAL, unsigned char b5[8192];
     ret_int(gnutls_x509_crt_get_dn_by_oid(certificate(), "2.5.4.3", 0, 0, (void*)b5, NULL)))
CASE(gnutls_x509_crt_get_dn_oid, 1, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_dn_oid(NULL, 0, (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_dn_oid, 2, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     unsigned char b3[8192];
     size_t n4 = 8192; ret_int(gnutls_x509_crt_get_dn_oid(certificate(), UINT_MAX, (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_dn_oid, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_dn_oid(certificate(), 0, NULL, &n4)))
CASE(gnutls_x509_crt_get_dn_oid, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_crt_get_dn_oid(certificate(), 0, (void*)b3, NULL)))
CASE(gnutls_x509_crt_get_fingerprint, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_fingerprint(NULL, GNUTLS_DIG_SHA256, (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_fingerprint, 2, range, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_fingerprint(certificate(), (gnutls_digest_algorithm_t)999,
                                             (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_fingerprint, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_fingerprint(certificate(), GNUTLS_DIG_SHA256, NULL, &n4)))
CASE(gnutls_x509_crt_get_fingerprint, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_crt_get_fingerprint(certificate(), GNUTLS_DIG_SHA256, (void*)b3, NULL)))
CASE(gnutls_x509_crt_get_issuer, 1, null, _, SAME, INVAL, gnutls_x509_dn_t dn2;
     ret_int(gnutls_x509_crt_get_issuer(NULL, &dn2)))
CASE(gnutls_x509_crt_get_issuer, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_get_issuer(certificate(), NULL)))
CASE(gnutls_x509_crt_get_issuer_dn_by_oid, 1, null, _, SAME, INVAL, unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_issuer_dn_by_oid(NULL, "2.5.4.3", 0, 0, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_issuer_dn_by_oid, 2, null, _, SAME, INVAL, unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_issuer_dn_by_oid(certificate(), NULL, 0, 0, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_issuer_dn_by_oid, 3, range, _, SAME,
     "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", unsigned char b5[8192];
     size_t n6 = 8192; ret_int(gnutls_x509_crt_get_issuer_dn_by_oid(certificate(), "2.5.4.3",
                                                                    UINT_MAX, 0, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_issuer_dn_by_oid, 4, range, _, SAME, "0", unsigned char b5[8192];
     size_t n6 = 8192; ret_int(gnutls_x509_crt_get_issuer_dn_by_oid(certificate(), "2.5.4.3", 0,
                                                                    UINT_MAX, (void*)b5, &n6)))
CASE(gnutls_x509_crt_get_issuer_dn_by_oid, 5, null, _, SAME, SHORT_BUF, size_t n6 = 8192;
     ret_int(gnutls_x509_crt_get_issuer_dn_by_oid(certificate(), "2.5.4.3", 0, 0, NULL, &n6)))
CASE(gnutls_x509_crt_get_issuer_dn_by_oid, 6, null, _, SAME, INVAL, unsigned char b5[8192];
     ret_int(gnutls_x509_crt_get_issuer_dn_by_oid(certificate(), "2.5.4.3", 0, 0, (void*)b5, NULL)))
CASE(gnutls_x509_crt_get_issuer_dn_oid, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192; ret_int(gnutls_x509_crt_get_issuer_dn_oid(NULL, 0, (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_issuer_dn_oid, 2, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_issuer_dn_oid(certificate(), UINT_MAX, (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_issuer_dn_oid, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_issuer_dn_oid(certificate(), 0, NULL, &n4)))
CASE(gnutls_x509_crt_get_issuer_dn_oid, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_crt_get_issuer_dn_oid(certificate(), 0, (void*)b3, NULL)))
CASE(gnutls_x509_crt_get_key_id, 1, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_key_id(NULL, 0, (unsigned char*)b3, &n4)))
CASE(gnutls_x509_crt_get_key_id, 2, range, _, SAME, "0", unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_key_id(certificate(), UINT_MAX, (unsigned char*)b3, &n4)))
CASE(gnutls_x509_crt_get_key_id, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_key_id(certificate(), 0, NULL, &n4)))
CASE(gnutls_x509_crt_get_key_id, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_crt_get_key_id(certificate(), 0, (unsigned char*)b3, NULL)))
CASE(gnutls_x509_crt_get_key_purpose_oid, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_key_purpose_oid(NULL, 0, (void*)b3, &n4, &u5)))
CASE(gnutls_x509_crt_get_key_purpose_oid, 2, range, _, SAME,
     "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_key_purpose_oid(certificate(), UINT_MAX, (void*)b3, &n4, &u5)))
CASE(gnutls_x509_crt_get_key_purpose_oid, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_key_purpose_oid(certificate(), 0, NULL, &n4, &u5)))
CASE(gnutls_x509_crt_get_key_purpose_oid, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_key_purpose_oid(certificate(), 0, (void*)b3, NULL, &u5)))
CASE(gnutls_x509_crt_get_key_purpose_oid, 5, null, _, SAME, "0", unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_key_purpose_oid(certificate(), 0, (void*)b3, &n4, NULL)))
CASE(gnutls_x509_crt_get_key_usage, 1, null, _, SAME, INVAL, unsigned u2 = 8; unsigned u3 = 8;
     ret_int(gnutls_x509_crt_get_key_usage(NULL, &u2, &u3)))
CASE(gnutls_x509_crt_get_key_usage, 2, null, _, SAME, INVAL, unsigned u3 = 8;
     ret_int(gnutls_x509_crt_get_key_usage(certificate(), NULL, &u3)))
CASE(gnutls_x509_crt_get_key_usage, 3, null, _, SAME, "0", unsigned u2 = 8;
     ret_int(gnutls_x509_crt_get_key_usage(certificate(), &u2, NULL)))
CASE(gnutls_x509_crt_get_pk_algorithm, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_x509_crt_get_pk_algorithm(NULL, &u2)))
CASE(gnutls_x509_crt_get_pk_algorithm, 2, null, _, SAME, "4",
     ret_int(gnutls_x509_crt_get_pk_algorithm(certificate(), NULL)))
CASE(gnutls_x509_crt_get_raw_dn, 1, null, _, SAME, INVAL, gnutls_datum_t d2 = {NULL, 0};
     ret_int(gnutls_x509_crt_get_raw_dn(NULL, &d2)); gnutls_free(d2.data))
CASE(gnutls_x509_crt_get_raw_dn, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_get_raw_dn(certificate(), NULL)))
CASE(gnutls_x509_crt_get_raw_issuer_dn, 1, null, _, SAME, INVAL, gnutls_datum_t d2 = {NULL, 0};
     ret_int(gnutls_x509_crt_get_raw_issuer_dn(NULL, &d2)); gnutls_free(d2.data))
CASE(gnutls_x509_crt_get_raw_issuer_dn, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_get_raw_issuer_dn(certificate(), NULL)))
CASE(gnutls_x509_crt_get_serial, 1, null, _, SAME, INVAL, unsigned char b2[8192]; size_t n3 = 8192;
     ret_int(gnutls_x509_crt_get_serial(NULL, (void*)b2, &n3)))
/* DIFFERS: a NULL buffer gets GNUTLS_E_SHORT_MEMORY_BUFFER and the size
 * needed (GnuTLS returns 0 and writes nothing). */
CASE(gnutls_x509_crt_get_serial, 2, null, _, DIFFERS, SHORT_BUF, size_t n3 = 8192;
     ret_int(gnutls_x509_crt_get_serial(certificate(), NULL, &n3)))
CASE(gnutls_x509_crt_get_serial, 3, null, _, SAME, INVAL, unsigned char b2[8192];
     ret_int(gnutls_x509_crt_get_serial(certificate(), (void*)b2, NULL)))
CASE(gnutls_x509_crt_get_signature_algorithm, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_get_signature_algorithm(NULL)))
CASE(gnutls_x509_crt_get_subject, 1, null, _, SAME, INVAL, gnutls_x509_dn_t dn2;
     ret_int(gnutls_x509_crt_get_subject(NULL, &dn2)))
CASE(gnutls_x509_crt_get_subject, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_get_subject(certificate(), NULL)))
CASE(gnutls_x509_crt_get_subject_alt_name, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name(NULL, 0, (void*)b3, &n4, &u5)))
CASE(gnutls_x509_crt_get_subject_alt_name, 2, range, _, SAME,
     "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name(certificate(), UINT_MAX, (void*)b3, &n4, &u5)))
CASE(gnutls_x509_crt_get_subject_alt_name, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name(certificate(), 0, NULL, &n4, &u5)))
CASE(gnutls_x509_crt_get_subject_alt_name, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name(certificate(), 0, (void*)b3, NULL, &u5)))
CASE(gnutls_x509_crt_get_subject_alt_name, 5, null, _, SAME, "1", unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_subject_alt_name(certificate(), 0, (void*)b3, &n4, NULL)))
CASE(gnutls_x509_crt_get_subject_alt_name2, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8; unsigned u6 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name2(NULL, 0, (void*)b3, &n4, &u5, &u6)))
CASE(gnutls_x509_crt_get_subject_alt_name2, 2, range, _, SAME,
     "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8; unsigned u6 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name2(certificate(), UINT_MAX, (void*)b3, &n4, &u5,
                                                   &u6)))
CASE(gnutls_x509_crt_get_subject_alt_name2, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     unsigned u5 = 8; unsigned u6 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name2(certificate(), 0, NULL, &n4, &u5, &u6)))
CASE(gnutls_x509_crt_get_subject_alt_name2, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     unsigned u5 = 8; unsigned u6 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name2(certificate(), 0, (void*)b3, NULL, &u5, &u6)))
CASE(gnutls_x509_crt_get_subject_alt_name2, 5, null, _, SAME, "1", unsigned char b3[8192];
     size_t n4 = 8192; unsigned u6 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name2(certificate(), 0, (void*)b3, &n4, NULL, &u6)))
CASE(gnutls_x509_crt_get_subject_alt_name2, 6, null, _, SAME, "1", unsigned char b3[8192];
     size_t n4 = 8192; unsigned u5 = 8;
     ret_int(gnutls_x509_crt_get_subject_alt_name2(certificate(), 0, (void*)b3, &n4, &u5, NULL)))
CASE(gnutls_x509_crt_get_subject_alt_othername_oid, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_subject_alt_othername_oid(NULL, 0, (void*)b3, &n4)))
CASE(gnutls_x509_crt_get_subject_alt_othername_oid, 2, range, _, SAME,
     "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_subject_alt_othername_oid(certificate(), UINT_MAX, (void*)b3,
                                                           &n4)))
CASE(gnutls_x509_crt_get_subject_alt_othername_oid, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_crt_get_subject_alt_othername_oid(certificate(), 0, NULL, &n4)))
CASE(gnutls_x509_crt_get_subject_alt_othername_oid, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_crt_get_subject_alt_othername_oid(certificate(), 0, (void*)b3, NULL)))
CASE(gnutls_x509_crt_get_subject_key_id, 1, null, _, SAME, INVAL, unsigned char b2[8192];
     size_t n3 = 8192; unsigned u4 = 8;
     ret_int(gnutls_x509_crt_get_subject_key_id(NULL, (void*)b2, &n3, &u4)))
CASE(gnutls_x509_crt_get_subject_key_id, 2, null, _, SAME, SHORT_BUF, size_t n3 = 8192;
     unsigned u4 = 8; ret_int(gnutls_x509_crt_get_subject_key_id(certificate(), NULL, &n3, &u4)))
CASE(gnutls_x509_crt_get_subject_key_id, 3, null, _, SAME, INVAL, unsigned char b2[8192];
     unsigned u4 = 8;
     ret_int(gnutls_x509_crt_get_subject_key_id(certificate(), (void*)b2, NULL, &u4)))
CASE(gnutls_x509_crt_get_subject_key_id, 4, null, _, SAME, "0", unsigned char b2[8192];
     size_t n3 = 8192;
     ret_int(gnutls_x509_crt_get_subject_key_id(certificate(), (void*)b2, &n3, NULL)))
CASE(gnutls_x509_crt_get_version, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_get_version(NULL)))
CASE(gnutls_x509_crt_list_import, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_x509_crt_list_import(NULL, &u2, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
CASE(
    gnutls_x509_crt_list_import, 2, null, _, SAME, INVAL, gnutls_x509_crt_t c1[8];
    memset(c1, 0, sizeof c1);
    ret_int(gnutls_x509_crt_list_import(c1, NULL, cert_pem(), GNUTLS_X509_FMT_PEM, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (c1[k]) gnutls_x509_crt_deinit(c1[k]);
    })
CASE(
    gnutls_x509_crt_list_import, 3, null, _, SAME, INVAL, gnutls_x509_crt_t c1[8];
    memset(c1, 0, sizeof c1); unsigned u2 = 8;
    ret_int(gnutls_x509_crt_list_import(c1, &u2, NULL, GNUTLS_X509_FMT_PEM, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (c1[k]) gnutls_x509_crt_deinit(c1[k]);
    })
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(
    gnutls_x509_crt_list_import, 4, range, _, DIFFERS, INVAL, gnutls_x509_crt_t c1[8];
    memset(c1, 0, sizeof c1); unsigned u2 = 8;
    ret_int(gnutls_x509_crt_list_import(c1, &u2, cert_pem(), (gnutls_x509_crt_fmt_t)999, 0)); {
      int k;
      for (k = 0; k < 8; k++)
        if (c1[k]) gnutls_x509_crt_deinit(c1[k]);
    })
CASE(
    gnutls_x509_crt_list_import, 5, range, _, SAME, "1", gnutls_x509_crt_t c1[8];
    memset(c1, 0, sizeof c1); unsigned u2 = 8;
    ret_int(gnutls_x509_crt_list_import(c1, &u2, cert_pem(), GNUTLS_X509_FMT_PEM, UINT_MAX)); {
      int k;
      for (k = 0; k < 8; k++)
        if (c1[k]) gnutls_x509_crt_deinit(c1[k]);
    })
CASE(gnutls_x509_crt_list_import2, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_x509_crt_list_import2(NULL, &u2, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
CASE(gnutls_x509_crt_list_import2, 2, null, _, SAME, INVAL, gnutls_x509_crt_t* l1 = NULL;
     ret_int(gnutls_x509_crt_list_import2(&l1, NULL, cert_pem(), GNUTLS_X509_FMT_PEM, 0));
     gnutls_free(l1))
CASE(
    gnutls_x509_crt_list_import2, 3, null, _, SAME, INVAL, gnutls_x509_crt_t* l1 = NULL;
    unsigned u2 = 8; ret_int(gnutls_x509_crt_list_import2(&l1, &u2, NULL, GNUTLS_X509_FMT_PEM, 0));
    if (l1) {
      unsigned k;
      for (k = 0; k < u2; k++) gnutls_x509_crt_deinit(l1[k]);
      gnutls_free(l1);
    })
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(
    gnutls_x509_crt_list_import2, 4, range, _, DIFFERS, INVAL, gnutls_x509_crt_t* l1 = NULL;
    unsigned u2 = 8;
    ret_int(gnutls_x509_crt_list_import2(&l1, &u2, cert_pem(), (gnutls_x509_crt_fmt_t)999, 0));
    if (l1) {
      unsigned k;
      for (k = 0; k < u2; k++) gnutls_x509_crt_deinit(l1[k]);
      gnutls_free(l1);
    })
CASE(
    gnutls_x509_crt_list_import2, 5, range, _, SAME, "0", gnutls_x509_crt_t* l1 = NULL;
    unsigned u2 = 8;
    ret_int(gnutls_x509_crt_list_import2(&l1, &u2, cert_pem(), GNUTLS_X509_FMT_PEM, UINT_MAX));
    if (l1) {
      unsigned k;
      for (k = 0; k < u2; k++) gnutls_x509_crt_deinit(l1[k]);
      gnutls_free(l1);
    })
CASE(gnutls_x509_crt_verify, 1, null, _, SAME, INVAL, gnutls_x509_crt_t ca2[1];
     ca2[0] = certificate(); unsigned u5 = 8; ret_int(gnutls_x509_crt_verify(NULL, ca2, 0, 0, &u5)))
CASE(gnutls_x509_crt_verify, 2, null, _, SAME, "0", unsigned u5 = 8;
     ret_int(gnutls_x509_crt_verify(certificate(), NULL, 0, 0, &u5)))
/* DIFFERS: a count with no list (or no key) behind it is refused. */
CASE(gnutls_x509_crt_verify, 3, range, _, DIFFERS, INVAL, unsigned u5 = 8;
     ret_int(gnutls_x509_crt_verify(certificate(), NULL, UINT_MAX, 0, &u5)))
CASE(gnutls_x509_crt_verify, 4, range, _, SAME, "0", gnutls_x509_crt_t ca2[1];
     ca2[0] = certificate(); unsigned u5 = 8;
     ret_int(gnutls_x509_crt_verify(certificate(), ca2, 0, UINT_MAX, &u5)))
CASE(gnutls_x509_crt_verify, 5, null, _, SAME, INVAL, gnutls_x509_crt_t ca2[1];
     ca2[0] = certificate(); ret_int(gnutls_x509_crt_verify(certificate(), ca2, 0, 0, NULL)))
CASE(gnutls_x509_dn_deinit, 1, null, _, SAME, RETURNED, gnutls_x509_dn_deinit(NULL); ret_void())
CASE(gnutls_x509_dn_export, 1, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_x509_dn_export(NULL, GNUTLS_X509_FMT_PEM, (void*)b3, &n4)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_dn_export, 2, range, _, DIFFERS, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_x509_dn_export(subject_dn(), (gnutls_x509_crt_fmt_t)999, (void*)b3, &n4)))
/* DIFFERS: a NULL buffer gets GNUTLS_E_SHORT_MEMORY_BUFFER and the size
 * needed (GnuTLS returns 0 and writes nothing). */
CASE(gnutls_x509_dn_export, 3, null, _, DIFFERS, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_dn_export(subject_dn(), GNUTLS_X509_FMT_PEM, NULL, &n4)))
CASE(gnutls_x509_dn_export, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_dn_export(subject_dn(), GNUTLS_X509_FMT_PEM, (void*)b3, NULL)))
CASE(gnutls_x509_dn_export2, 1, null, _, SAME, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_x509_dn_export2(NULL, GNUTLS_X509_FMT_PEM, &d3)); gnutls_free(d3.data))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_dn_export2, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_x509_dn_export2(subject_dn(), (gnutls_x509_crt_fmt_t)999, &d3));
     gnutls_free(d3.data))
CASE(gnutls_x509_dn_export2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_x509_dn_export2(subject_dn(), GNUTLS_X509_FMT_PEM, NULL)))
CASE(gnutls_x509_dn_get_rdn_ava, 1, null, _, SAME, INVAL, gnutls_x509_ava_st ava4;
     ret_int(gnutls_x509_dn_get_rdn_ava(NULL, 0, 0, &ava4)))
CASE(gnutls_x509_dn_get_rdn_ava, 2, range, _, SAME, "GNUTLS_E_ASN1_ELEMENT_NOT_FOUND",
     gnutls_x509_ava_st ava4;
     ret_int(gnutls_x509_dn_get_rdn_ava(subject_dn(), -1, 0, &ava4)))
CASE(gnutls_x509_dn_get_rdn_ava, 3, range, _, SAME, "GNUTLS_E_ASN1_ELEMENT_NOT_FOUND",
     gnutls_x509_ava_st ava4;
     ret_int(gnutls_x509_dn_get_rdn_ava(subject_dn(), 0, -1, &ava4)))
CASE(gnutls_x509_dn_get_rdn_ava, 4, null, _, SAME, INVAL,
     ret_int(gnutls_x509_dn_get_rdn_ava(subject_dn(), 0, 0, NULL)))
CASE(gnutls_x509_dn_get_str, 1, null, _, SAME, INVAL, gnutls_datum_t d2 = {NULL, 0};
     ret_int(gnutls_x509_dn_get_str(NULL, &d2)); gnutls_free(d2.data))
CASE(gnutls_x509_dn_get_str, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_dn_get_str(subject_dn(), NULL)))
CASE(gnutls_x509_dn_get_str2, 1, null, _, SAME, INVAL, gnutls_datum_t d2 = {NULL, 0};
     ret_int(gnutls_x509_dn_get_str2(NULL, &d2, 0)); gnutls_free(d2.data))
CASE(gnutls_x509_dn_get_str2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_dn_get_str2(subject_dn(), NULL, 0)))
CASE(gnutls_x509_dn_get_str2, 3, range, _, SAME, "0", gnutls_datum_t d2 = {NULL, 0};
     ret_int(gnutls_x509_dn_get_str2(subject_dn(), &d2, UINT_MAX)); gnutls_free(d2.data))
CASE(gnutls_x509_dn_import, 1, null, _, SAME, INVAL, ret_int(gnutls_x509_dn_import(NULL, raw_dn())))
CASE(gnutls_x509_dn_import, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_dn_import(subject_dn(), NULL)))
CASE(gnutls_x509_dn_init, 1, null, _, SAME, INVAL, ret_int(gnutls_x509_dn_init(NULL)))
CASE(gnutls_x509_dn_oid_known, 1, null, _, SAME, "0", ret_int(gnutls_x509_dn_oid_known(NULL)))
CASE(gnutls_x509_dn_oid_name, 1, null, _, SAME, IS_NULL, ret_str(gnutls_x509_dn_oid_name(NULL, 0)))
CASE(gnutls_x509_dn_oid_name, 2, range, _, SAME, "\"CN\"",
     ret_str(gnutls_x509_dn_oid_name("2.5.4.3", UINT_MAX)))
CASE(gnutls_x509_privkey_deinit, 1, null, _, SAME, RETURNED, gnutls_x509_privkey_deinit(NULL);
     ret_void())
CASE(gnutls_x509_privkey_export, 1, null, _, SAME, INVAL, unsigned char b3[8192]; size_t n4 = 8192;
     ret_int(gnutls_x509_privkey_export(NULL, GNUTLS_X509_FMT_PEM, (void*)b3, &n4)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_export, 2, range, _, DIFFERS, INVAL, unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_privkey_export(x509_private_key(), (gnutls_x509_crt_fmt_t)999, (void*)b3,
                                        &n4)))
/* DIFFERS: a NULL buffer gets GNUTLS_E_SHORT_MEMORY_BUFFER and the size
 * needed (GnuTLS returns 0 and writes nothing). */
CASE(gnutls_x509_privkey_export, 3, null, _, DIFFERS, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_privkey_export(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL, &n4)))
CASE(gnutls_x509_privkey_export, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_privkey_export(x509_private_key(), GNUTLS_X509_FMT_PEM, (void*)b3, NULL)))
CASE(gnutls_x509_privkey_export2, 1, null, _, SAME, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_x509_privkey_export2(NULL, GNUTLS_X509_FMT_PEM, &d3)); gnutls_free(d3.data))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_export2, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d3 = {NULL, 0};
     ret_int(gnutls_x509_privkey_export2(x509_private_key(), (gnutls_x509_crt_fmt_t)999, &d3));
     gnutls_free(d3.data))
CASE(gnutls_x509_privkey_export2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_export2(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL)))
CASE(gnutls_x509_privkey_export2_pkcs8, 1, null, _, SAME, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_x509_privkey_export2_pkcs8(NULL, GNUTLS_X509_FMT_PEM, NULL, 0, &d5));
     gnutls_free(d5.data))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_export2_pkcs8, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_x509_privkey_export2_pkcs8(x509_private_key(), (gnutls_x509_crt_fmt_t)999, NULL,
                                               0, &d5));
     gnutls_free(d5.data))
CASE(gnutls_x509_privkey_export2_pkcs8, 3, null, _, SAME, "0", gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_x509_privkey_export2_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL, 0,
                                               &d5));
     gnutls_free(d5.data))
CASE(gnutls_x509_privkey_export2_pkcs8, 4, range, _, SAME, "0", gnutls_datum_t d5 = {NULL, 0};
     ret_int(gnutls_x509_privkey_export2_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL,
                                               UINT_MAX, &d5));
     gnutls_free(d5.data))
CASE(gnutls_x509_privkey_export2_pkcs8, 5, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_export2_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL, 0,
                                               NULL)))
CASE(gnutls_x509_privkey_export_pkcs8, 1, null, _, SAME, INVAL, unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_privkey_export_pkcs8(NULL, GNUTLS_X509_FMT_PEM, NULL, 0, (void*)b5, &n6)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_export_pkcs8, 2, range, _, DIFFERS, INVAL, unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_privkey_export_pkcs8(x509_private_key(), (gnutls_x509_crt_fmt_t)999, NULL,
                                              0, (void*)b5, &n6)))
CASE(gnutls_x509_privkey_export_pkcs8, 3, null, _, SAME, "0", unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_privkey_export_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL, 0,
                                              (void*)b5, &n6)))
CASE(gnutls_x509_privkey_export_pkcs8, 4, range, _, SAME, "0", unsigned char b5[8192];
     size_t n6 = 8192;
     ret_int(gnutls_x509_privkey_export_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL,
                                              UINT_MAX, (void*)b5, &n6)))
/* DIFFERS: a NULL buffer gets GNUTLS_E_SHORT_MEMORY_BUFFER and the size
 * needed (GnuTLS returns 0 and writes nothing). */
CASE(gnutls_x509_privkey_export_pkcs8, 5, null, _, DIFFERS, SHORT_BUF, size_t n6 = 8192;
     ret_int(gnutls_x509_privkey_export_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL, 0,
                                              NULL, &n6)))
CASE(gnutls_x509_privkey_export_pkcs8, 6, null, _, SAME, INVAL, unsigned char b5[8192];
     ret_int(gnutls_x509_privkey_export_pkcs8(x509_private_key(), GNUTLS_X509_FMT_PEM, NULL, 0,
                                              (void*)b5, NULL)))
CASE(gnutls_x509_privkey_generate, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate(NULL, GNUTLS_PK_ECDSA, 0, 0)))
CASE(gnutls_x509_privkey_generate, 2, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate(x509_private_key(), (gnutls_pk_algorithm_t)999, 0, 0)))
CASE(gnutls_x509_privkey_generate, 3, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate(x509_private_key(), GNUTLS_PK_ECDSA, UINT_MAX, 0)))
CASE(gnutls_x509_privkey_generate, 4, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate(x509_private_key(), GNUTLS_PK_ECDSA, 0, UINT_MAX)))
CASE(gnutls_x509_privkey_generate2, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate2(NULL, GNUTLS_PK_ECDSA, 0, 0, NULL, 0)))
CASE(gnutls_x509_privkey_generate2, 2, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate2(x509_private_key(), (gnutls_pk_algorithm_t)999, 0, 0,
                                           NULL, 0)))
CASE(gnutls_x509_privkey_generate2, 3, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate2(x509_private_key(), GNUTLS_PK_ECDSA, UINT_MAX, 0, NULL,
                                           0)))
CASE(gnutls_x509_privkey_generate2, 4, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate2(x509_private_key(), GNUTLS_PK_ECDSA, 0, UINT_MAX, NULL,
                                           0)))
CASE(gnutls_x509_privkey_generate2, 5, null, _, SAME, "0",
     ret_int(gnutls_x509_privkey_generate2(x509_private_key(), GNUTLS_PK_ECDSA, 0, 0, NULL, 0)))
CASE(gnutls_x509_privkey_generate2, 6, range, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_generate2(x509_private_key(), GNUTLS_PK_ECDSA, 0, 0, NULL,
                                           UINT_MAX)))
CASE(gnutls_x509_privkey_get_key_id, 1, null, _, SAME, INVAL, unsigned char b3[8192];
     size_t n4 = 8192; ret_int(gnutls_x509_privkey_get_key_id(NULL, 0, (unsigned char*)b3, &n4)))
CASE(gnutls_x509_privkey_get_key_id, 2, range, _, SAME, "0", unsigned char b3[8192];
     size_t n4 = 8192;
     ret_int(gnutls_x509_privkey_get_key_id(x509_private_key(), UINT_MAX, (unsigned char*)b3, &n4)))
CASE(gnutls_x509_privkey_get_key_id, 3, null, _, SAME, SHORT_BUF, size_t n4 = 8192;
     ret_int(gnutls_x509_privkey_get_key_id(x509_private_key(), 0, NULL, &n4)))
CASE(gnutls_x509_privkey_get_key_id, 4, null, _, SAME, INVAL, unsigned char b3[8192];
     ret_int(gnutls_x509_privkey_get_key_id(x509_private_key(), 0, (unsigned char*)b3, NULL)))
CASE(gnutls_x509_privkey_get_pk_algorithm, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_get_pk_algorithm(NULL)))
CASE(gnutls_x509_privkey_get_pk_algorithm2, 1, null, _, SAME, INVAL, unsigned u2 = 8;
     ret_int(gnutls_x509_privkey_get_pk_algorithm2(NULL, &u2)))
CASE(gnutls_x509_privkey_get_pk_algorithm2, 2, null, _, SAME, "4",
     ret_int(gnutls_x509_privkey_get_pk_algorithm2(x509_private_key(), NULL)))
CASE(gnutls_x509_privkey_import, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_import(NULL, key_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_x509_privkey_import, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_import(x509_private_key(), NULL, GNUTLS_X509_FMT_PEM)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_import, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_privkey_import(x509_private_key(), key_pem(), (gnutls_x509_crt_fmt_t)999)))
CASE(gnutls_x509_privkey_import2, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_import2(NULL, key_pem(), GNUTLS_X509_FMT_PEM, NULL, 0)))
CASE(gnutls_x509_privkey_import2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_import2(x509_private_key(), NULL, GNUTLS_X509_FMT_PEM, NULL, 0)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_import2, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_privkey_import2(x509_private_key(), key_pem(), (gnutls_x509_crt_fmt_t)999,
                                         NULL, 0)))
CASE(gnutls_x509_privkey_import2, 4, null, _, SAME, "0",
     ret_int(gnutls_x509_privkey_import2(x509_private_key(), key_pem(), GNUTLS_X509_FMT_PEM, NULL,
                                         0)))
CASE(gnutls_x509_privkey_import2, 5, range, _, SAME, "0",
     ret_int(gnutls_x509_privkey_import2(x509_private_key(), key_pem(), GNUTLS_X509_FMT_PEM, NULL,
                                         UINT_MAX)))
CASE(gnutls_x509_privkey_import_pkcs8, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_import_pkcs8(NULL, key_pem(), GNUTLS_X509_FMT_PEM, NULL, 0)))
CASE(gnutls_x509_privkey_import_pkcs8, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_privkey_import_pkcs8(x509_private_key(), NULL, GNUTLS_X509_FMT_PEM, NULL,
                                              0)))
/* DIFFERS: a format neither PEM nor DER is refused (GnuTLS reads it as DER). */
CASE(gnutls_x509_privkey_import_pkcs8, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_privkey_import_pkcs8(x509_private_key(), key_pem(),
                                              (gnutls_x509_crt_fmt_t)999, NULL, 0)))
CASE(gnutls_x509_privkey_import_pkcs8, 4, null, _, SAME, "0",
     ret_int(gnutls_x509_privkey_import_pkcs8(x509_private_key(), key_pem(), GNUTLS_X509_FMT_PEM,
                                              NULL, 0)))
CASE(gnutls_x509_privkey_import_pkcs8, 5, range, _, SAME, "0",
     ret_int(gnutls_x509_privkey_import_pkcs8(x509_private_key(), key_pem(), GNUTLS_X509_FMT_PEM,
                                              NULL, UINT_MAX)))
CASE(gnutls_x509_privkey_init, 1, null, _, SAME, INVAL, ret_int(gnutls_x509_privkey_init(NULL)))
CASE(gnutls_x509_privkey_sec_param, 1, null, _, SAME, "0",
     ret_int(gnutls_x509_privkey_sec_param(NULL)))

CASE(gnutls_x509_crt_print, 1, null, _, SAME, INVAL, gnutls_datum_t d = {NULL, 0};
     ret_int(gnutls_x509_crt_print(NULL, GNUTLS_CRT_PRINT_ONELINE, &d)); gnutls_free(d.data))
/* DIFFERS: the multi-line forms (and unknown ones) are not implemented. */
CASE(gnutls_x509_crt_print, 2, range, _, DIFFERS, "GNUTLS_E_UNIMPLEMENTED_FEATURE",
     gnutls_datum_t d = {NULL, 0};
     ret_int(gnutls_x509_crt_print(certificate(), (gnutls_certificate_print_formats_t)999, &d));
     gnutls_free(d.data))
CASE(gnutls_x509_crt_print, 3, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crt_print(certificate(), GNUTLS_CRT_PRINT_ONELINE, NULL)))

#if API_ARGS_CODA
/* ---- Coda's own calls (include/gnutls/coda.h) ---- */

CASE(coda_session_get_closure, 1, null, _, SAME, INVAL, coda_closure_t c;
     ret_int(coda_session_get_closure(NULL, &c)))
CASE(coda_session_get_closure, 2, null, _, SAME, INVAL,
     ret_int(coda_session_get_closure(live_client(), NULL)))
CASE(coda_closure_outcome_name, 1, range, _, SAME, "\"unknown\"",
     ret_str(coda_closure_outcome_name((coda_closure_outcome_t)99)))
CASE(coda_bye_set_deadline, 1, null, _, SAME, INVAL, ret_int(coda_bye_set_deadline(NULL, 10)))
CASE(coda_bye_set_deadline, 2, range, _, SAME, "0",
     ret_int(coda_bye_set_deadline(new_client(), UINT_MAX)))
CASE(coda_set_truncation_policy, 1, null, _, SAME, INVAL,
     ret_int(coda_set_truncation_policy(NULL, CODA_TRUNCATION_STRICT)))
CASE(coda_set_truncation_policy, 2, range, _, SAME, INVAL,
     ret_int(coda_set_truncation_policy(new_client(), (coda_truncation_policy_t)99)))
CASE(coda_set_read_ahead, 1, null, _, SAME, INVAL, ret_int(coda_set_read_ahead(NULL, 1)))
/* Any non-zero value turns it on. */
CASE(coda_set_read_ahead, 2, range, _, SAME, "0", ret_int(coda_set_read_ahead(new_client(), -7)))
CASE(coda_unread_size, 1, null, _, SAME, "0", ret_uint(coda_unread_size(NULL)))
CASE(coda_take_unread, 1, null, _, SAME, INVAL, char b[16];
     ret_int(coda_take_unread(NULL, b, sizeof b)))
CASE(coda_take_unread, 2, null, _, SAME, INVAL, ret_int(coda_take_unread(new_client(), NULL, 16)))
CASE(coda_take_unread, 3, range, _, SAME, "0", ret_int(coda_take_unread(new_client(), NULL, 0)))
CASE(coda_close, 1, null, _, SAME, INVAL, ret_int(coda_close(NULL, 10)))
/* A deadline of 49 days on a non-blocking transport: the wait says E_AGAIN. */
CASE(coda_close, 2, range, _, SAME, "GNUTLS_E_AGAIN", ret_int(coda_close(live_client(), UINT_MAX)))
#endif

/* ---- cipher and cipher-suite information ---- */

CASE(gnutls_cipher_get_key_size, 1, range, _, SAME, "0",
     ret_uint(gnutls_cipher_get_key_size((gnutls_cipher_algorithm_t)999)))
CASE(gnutls_cipher_get_iv_size, 1, range, _, SAME, "0",
     ret_uint(gnutls_cipher_get_iv_size((gnutls_cipher_algorithm_t)999)))
CASE(gnutls_cipher_get_tag_size, 1, range, _, SAME, "0",
     ret_uint(gnutls_cipher_get_tag_size((gnutls_cipher_algorithm_t)999)))
CASE(gnutls_cipher_get_block_size, 1, range, _, SAME, "0",
     ret_uint(gnutls_cipher_get_block_size((gnutls_cipher_algorithm_t)999)))
CASE(gnutls_cipher_suite_get_name, 1, range, _, SAME, IS_NULL,
     ret_str(gnutls_cipher_suite_get_name((gnutls_kx_algorithm_t)999, GNUTLS_CIPHER_AES_128_GCM,
                                          GNUTLS_MAC_AEAD)))
CASE(gnutls_cipher_suite_get_name, 2, range, _, SAME, IS_NULL,
     ret_str(gnutls_cipher_suite_get_name(GNUTLS_KX_ECDHE_ECDSA, (gnutls_cipher_algorithm_t)999,
                                          GNUTLS_MAC_AEAD)))
CASE(gnutls_cipher_suite_get_name, 3, range, _, SAME, IS_NULL,
     ret_str(gnutls_cipher_suite_get_name(GNUTLS_KX_ECDHE_ECDSA, GNUTLS_CIPHER_AES_128_GCM,
                                          (gnutls_mac_algorithm_t)999)))
CASE(gnutls_cipher_suite_info, 1, range, _, SAME, IS_NULL, unsigned char id[2];
     gnutls_kx_algorithm_t kx; gnutls_cipher_algorithm_t c; gnutls_mac_algorithm_t m;
     gnutls_protocol_t v; ret_str(gnutls_cipher_suite_info(100000, id, &kx, &c, &m, &v)))
/* Every out-parameter may be NULL: the name comes back all the same. */
CASE(gnutls_cipher_suite_info, 2, null, _, SAME, "\"TLS_AES_128_GCM_SHA256\"",
     gnutls_kx_algorithm_t kx;
     gnutls_cipher_algorithm_t c; gnutls_mac_algorithm_t m; gnutls_protocol_t v;
     ret_str(gnutls_cipher_suite_info(0, NULL, &kx, &c, &m, &v)))
CASE(gnutls_cipher_suite_info, 3, null, _, SAME, "\"TLS_AES_128_GCM_SHA256\"", unsigned char id[2];
     gnutls_cipher_algorithm_t c; gnutls_mac_algorithm_t m; gnutls_protocol_t v;
     ret_str(gnutls_cipher_suite_info(0, id, NULL, &c, &m, &v)))
CASE(gnutls_cipher_suite_info, 4, null, _, SAME, "\"TLS_AES_128_GCM_SHA256\"", unsigned char id[2];
     gnutls_kx_algorithm_t kx; gnutls_mac_algorithm_t m; gnutls_protocol_t v;
     ret_str(gnutls_cipher_suite_info(0, id, &kx, NULL, &m, &v)))
CASE(gnutls_cipher_suite_info, 5, null, _, SAME, "\"TLS_AES_128_GCM_SHA256\"", unsigned char id[2];
     gnutls_kx_algorithm_t kx; gnutls_cipher_algorithm_t c; gnutls_protocol_t v;
     ret_str(gnutls_cipher_suite_info(0, id, &kx, &c, NULL, &v)))
CASE(gnutls_cipher_suite_info, 6, null, _, SAME, "\"TLS_AES_128_GCM_SHA256\"", unsigned char id[2];
     gnutls_kx_algorithm_t kx; gnutls_cipher_algorithm_t c; gnutls_mac_algorithm_t m;
     ret_str(gnutls_cipher_suite_info(0, id, &kx, &c, &m, NULL)))
CASE(gnutls_ciphersuite_get, 1, null, _, SAME, IS_NULL, ret_str(gnutls_ciphersuite_get(NULL)))
CASE(gnutls_priority_get_cipher_suite_index, 1, null, _, SAME, INVAL, unsigned idx;
     ret_int(gnutls_priority_get_cipher_suite_index(NULL, 0, &idx)))
CASE(gnutls_priority_get_cipher_suite_index, 2, range, _, SAME,
     "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", unsigned idx;
     ret_int(gnutls_priority_get_cipher_suite_index(normal_priority(), 99999, &idx)))
CASE(gnutls_priority_get_cipher_suite_index, 3, null, _, SAME, INVAL,
     ret_int(gnutls_priority_get_cipher_suite_index(normal_priority(), 0, NULL)))

/* ---- trust lists and peer verification (trust_list.cpp, credentials.cpp, info.cpp) ---- */

CASE(gnutls_x509_trust_list_init, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_init(NULL, 0)))
/* DIFFERS: the size is GnuTLS's hash table size, which it fails to
 * allocate for a huge one; Coda's store sizes itself and ignores it. */
CASE(gnutls_x509_trust_list_init, 2, range, _, DIFFERS, "0", gnutls_x509_trust_list_t l;
     int r = gnutls_x509_trust_list_init(&l, UINT_MAX); ret_int(r);
     if (r == 0) gnutls_x509_trust_list_deinit(l, 1))
CASE(gnutls_x509_trust_list_deinit, 1, null, _, SAME, RETURNED,
     gnutls_x509_trust_list_deinit(NULL, 1);
     ret_void())
CASE(gnutls_x509_trust_list_deinit, 2, range, _, SAME, RETURNED, gnutls_x509_trust_list_t l;
     if (gnutls_x509_trust_list_init(&l, 0) == 0) gnutls_x509_trust_list_deinit(l, UINT_MAX);
     ret_void())
CASE(gnutls_x509_trust_list_add_cas, 1, null, _, SAME, INVAL, gnutls_x509_crt_t c = certificate();
     ret_int(gnutls_x509_trust_list_add_cas(NULL, &c, 1, 0)))
CASE(gnutls_x509_trust_list_add_cas, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_add_cas(trust_list(), NULL, 1, 0)))
CASE(gnutls_x509_trust_list_add_cas, 3, range, _, SAME, "0",
     ret_int(gnutls_x509_trust_list_add_cas(trust_list(), NULL, 0, 0)))
/* Unknown flags are ignored. The list takes the certificate: a copy. */
CASE(gnutls_x509_trust_list_add_cas, 4, range, _, SAME, "1", gnutls_x509_crt_t c;
     gnutls_x509_crt_init(&c); gnutls_x509_crt_import(c, cert_pem(), GNUTLS_X509_FMT_PEM);
     ret_int(gnutls_x509_trust_list_add_cas(trust_list(), &c, 1, 1u << 30)))
CASE(gnutls_x509_trust_list_add_trust_mem, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_add_trust_mem(NULL, cert_pem(), NULL, GNUTLS_X509_FMT_PEM, 0,
                                                  0)))
CASE(gnutls_x509_trust_list_add_trust_mem, 2, null, _, SAME, "0",
     ret_int(gnutls_x509_trust_list_add_trust_mem(trust_list(), NULL, NULL, GNUTLS_X509_FMT_PEM, 0,
                                                  0)))
CASE(gnutls_x509_trust_list_add_trust_mem, 3, null, _, SAME, "1",
     ret_int(gnutls_x509_trust_list_add_trust_mem(trust_list(), cert_pem(), NULL,
                                                  GNUTLS_X509_FMT_PEM, 0, 0)))
/* DIFFERS: GnuTLS reads a format it does not know as DER. */
CASE(gnutls_x509_trust_list_add_trust_mem, 4, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_trust_list_add_trust_mem(trust_list(), cert_pem(), NULL,
                                                  (gnutls_x509_crt_fmt_t)99, 0, 0)))
CASE(gnutls_x509_trust_list_add_trust_mem, 5, range, _, SAME, "1",
     ret_int(gnutls_x509_trust_list_add_trust_mem(trust_list(), cert_pem(), NULL,
                                                  GNUTLS_X509_FMT_PEM, 1u << 30, 0)))
CASE(gnutls_x509_trust_list_add_trust_mem, 6, range, _, SAME, "1",
     ret_int(gnutls_x509_trust_list_add_trust_mem(trust_list(), cert_pem(), NULL,
                                                  GNUTLS_X509_FMT_PEM, 0, UINT_MAX)))
CASE(gnutls_x509_trust_list_add_trust_file, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_add_trust_file(NULL, cert_file("ca.pem"), NULL,
                                                   GNUTLS_X509_FMT_PEM, 0, 0)))
CASE(gnutls_x509_trust_list_add_trust_file, 2, null, _, SAME, "0",
     ret_int(gnutls_x509_trust_list_add_trust_file(trust_list(), NULL, NULL, GNUTLS_X509_FMT_PEM, 0,
                                                   0)))
CASE(gnutls_x509_trust_list_add_trust_file, 3, null, _, SAME, "1",
     ret_int(gnutls_x509_trust_list_add_trust_file(trust_list(), cert_file("ca.pem"), NULL,
                                                   GNUTLS_X509_FMT_PEM, 0, 0)))
/* DIFFERS: GnuTLS reads a format it does not know as DER. */
CASE(gnutls_x509_trust_list_add_trust_file, 4, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_trust_list_add_trust_file(trust_list(), cert_file("ca.pem"), NULL,
                                                   (gnutls_x509_crt_fmt_t)99, 0, 0)))
CASE(gnutls_x509_trust_list_add_trust_file, 5, range, _, SAME, "1",
     ret_int(gnutls_x509_trust_list_add_trust_file(trust_list(), cert_file("ca.pem"), NULL,
                                                   GNUTLS_X509_FMT_PEM, 1u << 30, 0)))
CASE(gnutls_x509_trust_list_add_trust_file, 6, range, _, SAME, "1",
     ret_int(gnutls_x509_trust_list_add_trust_file(trust_list(), cert_file("ca.pem"), NULL,
                                                   GNUTLS_X509_FMT_PEM, 0, UINT_MAX)))
CASE(gnutls_x509_trust_list_add_trust_dir, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_add_trust_dir(NULL, cert_file("anchors"), NULL,
                                                  GNUTLS_X509_FMT_PEM, 0, 0)))
CASE(gnutls_x509_trust_list_add_trust_dir, 2, null, _, SAME, "0",
     ret_int(gnutls_x509_trust_list_add_trust_dir(trust_list(), NULL, NULL, GNUTLS_X509_FMT_PEM, 0,
                                                  0)))
CASE(gnutls_x509_trust_list_add_trust_dir, 3, null, _, SAME, "3",
     ret_int(gnutls_x509_trust_list_add_trust_dir(trust_list(), cert_file("anchors"), NULL,
                                                  GNUTLS_X509_FMT_PEM, 0, 0)))
/* DIFFERS: GnuTLS reads a format it does not know as DER. */
CASE(gnutls_x509_trust_list_add_trust_dir, 4, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_trust_list_add_trust_dir(trust_list(), cert_file("anchors"), NULL,
                                                  (gnutls_x509_crt_fmt_t)99, 0, 0)))
CASE(gnutls_x509_trust_list_add_trust_dir, 5, range, _, SAME, "3",
     ret_int(gnutls_x509_trust_list_add_trust_dir(trust_list(), cert_file("anchors"), NULL,
                                                  GNUTLS_X509_FMT_PEM, 1u << 30, 0)))
CASE(gnutls_x509_trust_list_add_trust_dir, 6, range, _, SAME, "3",
     ret_int(gnutls_x509_trust_list_add_trust_dir(trust_list(), cert_file("anchors"), NULL,
                                                  GNUTLS_X509_FMT_PEM, 0, UINT_MAX)))
CASE(gnutls_x509_trust_list_add_system_trust, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_add_system_trust(NULL, 0, 0)))
CASE(gnutls_x509_trust_list_add_system_trust, 2, range, _, SAME, "positive", int r;
     gnutls_x509_trust_list_t l; gnutls_x509_trust_list_init(&l, 0);
     r = gnutls_x509_trust_list_add_system_trust(l, 1u << 30, 0);
     gnutls_x509_trust_list_deinit(l, 1); if (r > 0) ret_text("positive"); else ret_int(r))
CASE(gnutls_x509_trust_list_add_system_trust, 3, range, _, SAME, "positive", int r;
     gnutls_x509_trust_list_t l; gnutls_x509_trust_list_init(&l, 0);
     r = gnutls_x509_trust_list_add_system_trust(l, 0, UINT_MAX);
     gnutls_x509_trust_list_deinit(l, 1); if (r > 0) ret_text("positive"); else ret_int(r))
CASE(gnutls_x509_trust_list_get_issuer, 1, null, _, SAME, INVAL, gnutls_x509_crt_t i;
     ret_int(gnutls_x509_trust_list_get_issuer(NULL, certificate(), &i, 0)))
CASE(gnutls_x509_trust_list_get_issuer, 2, null, _, SAME, INVAL, gnutls_x509_crt_t i;
     ret_int(gnutls_x509_trust_list_get_issuer(trust_list(), NULL, &i, 0)))
CASE(gnutls_x509_trust_list_get_issuer, 3, null, _, SAME, INVAL,
     ret_int(gnutls_x509_trust_list_get_issuer(trust_list(), certificate(), NULL, 0)))
CASE(gnutls_x509_trust_list_get_issuer, 4, range, _, SAME, "0", gnutls_x509_crt_t i;
     ret_int(gnutls_x509_trust_list_get_issuer(trust_list(), certificate(), &i, 1u << 30)))
CASE(gnutls_x509_trust_list_iter_get_ca, 1, null, _, SAME, INVAL,
     gnutls_x509_trust_list_iter_t it = NULL;
     gnutls_x509_crt_t c; ret_int(gnutls_x509_trust_list_iter_get_ca(NULL, &it, &c)))
CASE(gnutls_x509_trust_list_iter_get_ca, 2, null, _, SAME, INVAL, gnutls_x509_crt_t c;
     ret_int(gnutls_x509_trust_list_iter_get_ca(trust_list(), NULL, &c)))
CASE(gnutls_x509_trust_list_iter_get_ca, 3, null, _, SAME, INVAL,
     gnutls_x509_trust_list_iter_t it = NULL;
     ret_int(gnutls_x509_trust_list_iter_get_ca(trust_list(), &it, NULL));
     gnutls_x509_trust_list_iter_deinit(it))
CASE(gnutls_x509_trust_list_iter_deinit, 1, null, _, SAME, RETURNED,
     gnutls_x509_trust_list_iter_deinit(NULL);
     ret_void())
CASE(gnutls_x509_trust_list_set_ptr, 1, null, _, SAME, RETURNED,
     gnutls_x509_trust_list_set_ptr(NULL, "x");
     ret_void())
CASE(gnutls_x509_trust_list_set_ptr, 2, null, _, SAME, IS_NULL,
     gnutls_x509_trust_list_set_ptr(trust_list(), NULL);
     ret_ptr(gnutls_x509_trust_list_get_ptr(trust_list())))
CASE(gnutls_x509_trust_list_get_ptr, 1, null, _, SAME, IS_NULL,
     ret_ptr(gnutls_x509_trust_list_get_ptr(NULL)))
CASE(gnutls_x509_trust_list_verify_crt, 1, null, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     unsigned st; ret_int(gnutls_x509_trust_list_verify_crt(NULL, &c, 1, 0, &st, NULL)))
CASE(gnutls_x509_trust_list_verify_crt, 2, null, _, SAME, INVAL, unsigned st;
     ret_int(gnutls_x509_trust_list_verify_crt(trust_list(), NULL, 1, 0, &st, NULL)))
CASE(gnutls_x509_trust_list_verify_crt, 3, range, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     unsigned st; ret_int(gnutls_x509_trust_list_verify_crt(trust_list(), &c, 0, 0, &st, NULL)))
/* An unknown GNUTLS_VERIFY_* flag changes nothing. */
CASE(gnutls_x509_trust_list_verify_crt, 4, range, _, SAME, "0/0",
     gnutls_x509_crt_t c = certificate();
     unsigned st = 99;
     int r = gnutls_x509_trust_list_verify_crt(trust_list(), &c, 1, 1u << 30, &st, NULL);
     ret_int_and(r, st))
CASE(gnutls_x509_trust_list_verify_crt, 5, null, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     ret_int(gnutls_x509_trust_list_verify_crt(trust_list(), &c, 1, 0, NULL, NULL)))
CASE(gnutls_x509_trust_list_verify_crt, 6, null, _, SAME, "0/0",
     gnutls_x509_crt_t c = certificate();
     unsigned st = 99; int r = gnutls_x509_trust_list_verify_crt(trust_list(), &c, 1, 0, &st, NULL);
     ret_int_and(r, st))
CASE(gnutls_x509_trust_list_verify_crt2, 1, null, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     unsigned st; ret_int(gnutls_x509_trust_list_verify_crt2(NULL, &c, 1, NULL, 0, 0, &st, NULL)))
CASE(gnutls_x509_trust_list_verify_crt2, 2, null, _, SAME, INVAL, unsigned st;
     ret_int(gnutls_x509_trust_list_verify_crt2(trust_list(), NULL, 1, NULL, 0, 0, &st, NULL)))
CASE(gnutls_x509_trust_list_verify_crt2, 3, range, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     unsigned st;
     ret_int(gnutls_x509_trust_list_verify_crt2(trust_list(), &c, 0, NULL, 0, 0, &st, NULL)))
CASE(gnutls_x509_trust_list_verify_crt2, 4, null, _, SAME, "0/0",
     gnutls_x509_crt_t c = certificate();
     unsigned st = 99;
     int r = gnutls_x509_trust_list_verify_crt2(trust_list(), &c, 1, NULL, 0, 0, &st, NULL);
     ret_int_and(r, st))
/* DIFFERS: GnuTLS reads past a NULL list of typed data it is told holds
 * entries (a crash); Coda refuses it. */
CASE(gnutls_x509_trust_list_verify_crt2, 5, range, _, DIFFERS, INVAL,
     gnutls_x509_crt_t c = certificate();
     unsigned st;
     ret_int(gnutls_x509_trust_list_verify_crt2(trust_list(), &c, 1, NULL, 5, 0, &st, NULL)))
CASE(gnutls_x509_trust_list_verify_crt2, 6, range, _, SAME, "0/0",
     gnutls_x509_crt_t c = certificate();
     unsigned st = 99;
     int r = gnutls_x509_trust_list_verify_crt2(trust_list(), &c, 1, NULL, 0, 1u << 30, &st, NULL);
     ret_int_and(r, st))
CASE(gnutls_x509_trust_list_verify_crt2, 7, null, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     ret_int(gnutls_x509_trust_list_verify_crt2(trust_list(), &c, 1, NULL, 0, 0, NULL, NULL)))
CASE(gnutls_x509_trust_list_verify_crt2, 8, null, _, SAME, "0/0",
     gnutls_x509_crt_t c = certificate();
     unsigned st = 99;
     int r = gnutls_x509_trust_list_verify_crt2(trust_list(), &c, 1, NULL, 0, 0, &st, NULL);
     ret_int_and(r, st))

CASE(gnutls_certificate_set_trust_list, 1, null, _, SAME, RETURNED,
     gnutls_certificate_set_trust_list(NULL, NULL, 0);
     ret_void())
CASE(gnutls_certificate_set_trust_list, 2, null, _, SAME, RETURNED,
     gnutls_certificate_set_trust_list(empty_credentials(), NULL, 0);
     ret_void())
CASE(gnutls_certificate_set_trust_list, 3, range, _, SAME, RETURNED,
     gnutls_certificate_credentials_t cr;
     gnutls_x509_trust_list_t l; gnutls_certificate_allocate_credentials(&cr);
     gnutls_x509_trust_list_init(&l, 0); gnutls_certificate_set_trust_list(cr, l, UINT_MAX);
     gnutls_certificate_free_credentials(cr); ret_void())
CASE(gnutls_certificate_get_trust_list, 1, null, _, SAME, RETURNED, gnutls_x509_trust_list_t l;
     gnutls_certificate_get_trust_list(NULL, &l); ret_void())
CASE(gnutls_certificate_get_trust_list, 2, null, _, SAME, RETURNED,
     gnutls_certificate_get_trust_list(empty_credentials(), NULL);
     ret_void())
CASE(gnutls_certificate_set_x509_trust, 1, null, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     ret_int(gnutls_certificate_set_x509_trust(NULL, &c, 1)))
CASE(gnutls_certificate_set_x509_trust, 2, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_trust(empty_credentials(), NULL, 1)))
CASE(gnutls_certificate_set_x509_trust, 3, range, _, SAME, INVAL,
     gnutls_x509_crt_t c = certificate();
     ret_int(gnutls_certificate_set_x509_trust(empty_credentials(), &c, -1)))
CASE(gnutls_certificate_set_x509_trust_dir, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_dir(NULL, cert_file("anchors"),
                                                   GNUTLS_X509_FMT_PEM)))
/* DIFFERS: GnuTLS reads a NULL directory as none (0 added). */
CASE(gnutls_certificate_set_x509_trust_dir, 2, null, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_dir(empty_credentials(), NULL, GNUTLS_X509_FMT_PEM)))
/* DIFFERS: GnuTLS reads a format it does not know as DER. */
CASE(gnutls_certificate_set_x509_trust_dir, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_set_x509_trust_dir(empty_credentials(), cert_file("anchors"),
                                                   (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_certificate_get_issuer, 1, null, _, SAME, INVAL, gnutls_x509_crt_t i;
     ret_int(gnutls_certificate_get_issuer(NULL, certificate(), &i, 0)))
CASE(gnutls_certificate_get_issuer, 2, null, _, SAME, INVAL, gnutls_x509_crt_t i;
     ret_int(gnutls_certificate_get_issuer(server_credentials(), NULL, &i, 0)))
/* DIFFERS: GnuTLS looks the issuer up first and writes through the NULL
 * pointer when it finds one; Coda refuses the pointer at once. */
CASE(gnutls_certificate_get_issuer, 3, null, _, DIFFERS, INVAL,
     ret_int(gnutls_certificate_get_issuer(server_credentials(), certificate(), NULL, 0)))
/* server_credentials() trusts no anchor that issued ecdsa.pem: the
 * unknown flag changes nothing. */
CASE(gnutls_certificate_get_issuer, 4, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     gnutls_x509_crt_t i;
     ret_int(gnutls_certificate_get_issuer(server_credentials(), certificate(), &i, 1u << 30)))
CASE(gnutls_certificate_set_verify_limits, 1, null, _, SAME, RETURNED,
     gnutls_certificate_set_verify_limits(NULL, 1, 1);
     ret_void())
CASE(gnutls_certificate_set_verify_limits, 2, range, _, SAME, RETURNED,
     gnutls_certificate_credentials_t cr;
     gnutls_certificate_allocate_credentials(&cr);
     gnutls_certificate_set_verify_limits(cr, UINT_MAX, 16);
     gnutls_certificate_free_credentials(cr); ret_void())
CASE(gnutls_certificate_set_verify_limits, 3, range, _, SAME, RETURNED,
     gnutls_certificate_credentials_t cr;
     gnutls_certificate_allocate_credentials(&cr);
     gnutls_certificate_set_verify_limits(cr, 4096, UINT_MAX);
     gnutls_certificate_free_credentials(cr); ret_void())
CASE(gnutls_certificate_verify_peers, 1, null, _, SAME, INVAL, unsigned st;
     ret_int(gnutls_certificate_verify_peers(NULL, NULL, 0, &st)))
CASE(gnutls_certificate_verify_peers, 2, null, _, SAME, "0/0", unsigned st = 99;
     int r = gnutls_certificate_verify_peers(live_client(), NULL, 0, &st); ret_int_and(r, st))
/* DIFFERS: GnuTLS reads past a NULL list it is told holds entries. */
CASE(gnutls_certificate_verify_peers, 3, range, _, DIFFERS, INVAL, unsigned st;
     ret_int(gnutls_certificate_verify_peers(live_client(), NULL, 5, &st)))
CASE(gnutls_certificate_verify_peers, 4, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_verify_peers(live_client(), NULL, 0, NULL)))
CASE(gnutls_certificate_activation_time_peers, 1, null, _, SAME, "-1",
     ret_int((long)gnutls_certificate_activation_time_peers(NULL)))
CASE(gnutls_certificate_expiration_time_peers, 1, null, _, SAME, "-1",
     ret_int((long)gnutls_certificate_expiration_time_peers(NULL)))
CASE(gnutls_session_set_verify_function, 1, null, _, SAME, RETURNED,
     gnutls_session_set_verify_function(NULL, NULL);
     ret_void())
CASE(gnutls_session_set_verify_function, 2, null, _, SAME, RETURNED,
     gnutls_session_set_verify_function(new_client(), NULL);
     ret_void())
CASE(gnutls_transport_is_ktls_enabled, 1, null, _, SAME, "0",
     ret_int(gnutls_transport_is_ktls_enabled(NULL)))
CASE(gnutls_transport_set_fastopen, 1, null, _, SAME, RETURNED,
     gnutls_transport_set_fastopen(NULL, -1, NULL, 0, 0);
     ret_void())

/* ---- host names (idna.cpp), DH parameters (dh_params.cpp) ---- */

CASE(gnutls_idna_map, 1, null, _, SAME, "0/0", gnutls_datum_t o = {NULL, 9};
     int r = gnutls_idna_map(NULL, 0, &o, 0); ret_int_and(r, o.size); gnutls_free(o.data))
/* A length past the text: only ASCII up to it is copied. */
CASE(gnutls_idna_map, 2, range, _, SAME, "0/1", gnutls_datum_t o = {NULL, 0};
     int r = gnutls_idna_map("a", 1, &o, 0); ret_int_and(r, o.size); gnutls_free(o.data))
/* DIFFERS: GnuTLS writes through a NULL output; Coda refuses it. */
CASE(gnutls_idna_map, 3, null, _, DIFFERS, INVAL, ret_int(gnutls_idna_map("a", 1, NULL, 0)))
CASE(gnutls_idna_map, 4, range, _, SAME, "0/9", gnutls_datum_t o = {NULL, 0};
     int r = gnutls_idna_map("localhost", 9, &o, UINT_MAX); ret_int_and(r, o.size);
     gnutls_free(o.data))
CASE(gnutls_idna_reverse_map, 1, null, _, SAME, "0/0", gnutls_datum_t o = {NULL, 9};
     int r = gnutls_idna_reverse_map(NULL, 0, &o, 0); ret_int_and(r, o.size); gnutls_free(o.data))
CASE(gnutls_idna_reverse_map, 2, range, _, SAME, "0/1", gnutls_datum_t o = {NULL, 0};
     int r = gnutls_idna_reverse_map("a", 1, &o, 0); ret_int_and(r, o.size); gnutls_free(o.data))
/* DIFFERS: GnuTLS writes through a NULL output; Coda refuses it. */
CASE(gnutls_idna_reverse_map, 3, null, _, DIFFERS, INVAL,
     ret_int(gnutls_idna_reverse_map("a", 1, NULL, 0)))
CASE(gnutls_idna_reverse_map, 4, range, _, SAME, "0/9", gnutls_datum_t o = {NULL, 0};
     int r = gnutls_idna_reverse_map("localhost", 9, &o, UINT_MAX); ret_int_and(r, o.size);
     gnutls_free(o.data))
CASE(gnutls_certificate_get_verify_flags, 1, null, _, SAME, "0",
     ret_uint(gnutls_certificate_get_verify_flags(NULL)))
CASE(gnutls_session_set_verify_cert2, 1, null, _, SAME, RETURNED,
     gnutls_session_set_verify_cert2(NULL, NULL, 0, 0);
     ret_void())
CASE(gnutls_session_set_verify_cert2, 2, null, _, SAME, RETURNED,
     gnutls_session_set_verify_cert2(new_client(), NULL, 0, 0);
     ret_void())
CASE(gnutls_session_set_verify_cert2, 3, range, _, SAME, RETURNED,
     gnutls_session_set_verify_cert2(new_client(), NULL, 0, 0);
     ret_void())
CASE(gnutls_session_set_verify_cert2, 4, range, _, SAME, RETURNED,
     gnutls_session_set_verify_cert2(new_client(), NULL, 0, UINT_MAX);
     ret_void())
/* ---- Diffie-Hellman parameters ---- */

CASE(gnutls_dh_params_init, 1, null, _, SAME, INVAL, ret_int(gnutls_dh_params_init(NULL)))
CASE(gnutls_dh_params_deinit, 1, null, _, SAME, RETURNED, gnutls_dh_params_deinit(NULL); ret_void())
CASE(gnutls_dh_params_cpy, 1, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_cpy(NULL, dh_params())))
CASE(gnutls_dh_params_cpy, 2, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_cpy(empty_dh_params(), NULL)))
/* GnuTLS crashes copying parameters never set; Coda copies the nothing. */
CASE(gnutls_dh_params_cpy, 2, bad, never_set, SAME, "0", gnutls_dh_params_t d;
     gnutls_dh_params_init(&d); ret_int(gnutls_dh_params_cpy(d, empty_dh_params()));
     gnutls_dh_params_deinit(d))
CASE(gnutls_dh_params_import_raw, 1, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_raw(NULL, &gnutls_ffdhe_2048_group_prime,
                                         &gnutls_ffdhe_2048_group_generator)))
CASE(gnutls_dh_params_import_raw, 2, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_raw(empty_dh_params(), NULL,
                                         &gnutls_ffdhe_2048_group_generator)))
CASE(gnutls_dh_params_import_raw, 3, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_raw(empty_dh_params(), &gnutls_ffdhe_2048_group_prime, NULL)))
CASE(gnutls_dh_params_import_raw2, 1, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_raw2(NULL, &gnutls_ffdhe_2048_group_prime,
                                          &gnutls_ffdhe_2048_group_generator, 256)))
CASE(gnutls_dh_params_import_raw2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_raw2(empty_dh_params(), NULL,
                                          &gnutls_ffdhe_2048_group_generator, 256)))
CASE(gnutls_dh_params_import_raw2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_raw2(empty_dh_params(), &gnutls_ffdhe_2048_group_prime, NULL,
                                          256)))
/* Any private value size is stored, as in GnuTLS. */
CASE(
    gnutls_dh_params_import_raw2, 4, range, _, SAME, "0/4294967295", gnutls_dh_params_t d;
    gnutls_datum_t p, g; unsigned bits = 0; gnutls_dh_params_init(&d);
    int r = gnutls_dh_params_import_raw2(d, &gnutls_ffdhe_2048_group_prime,
                                         &gnutls_ffdhe_2048_group_generator, 0xffffffffu);
    if (r == 0 && gnutls_dh_params_export_raw(d, &p, &g, &bits) == 0) {
      gnutls_free(p.data);
      gnutls_free(g.data);
    } ret_int_and(r, (long)bits);
    gnutls_dh_params_deinit(d))
/* DIFFERS: GnuTLS reads the text before it looks at the handle, so this
 * certificate gives GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR there. */
CASE(gnutls_dh_params_import_pkcs3, 1, null, _, DIFFERS, INVAL,
     ret_int(gnutls_dh_params_import_pkcs3(NULL, cert_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_dh_params_import_pkcs3, 2, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_import_pkcs3(empty_dh_params(), NULL, GNUTLS_X509_FMT_PEM)))
/* DIFFERS: GnuTLS reads any format but PEM as DER. */
CASE(gnutls_dh_params_import_pkcs3, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_dh_params_import_pkcs3(empty_dh_params(), cert_pem(),
                                           (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_dh_params_export_pkcs3, 1, null, _, SAME, INVAL, unsigned char b[600];
     size_t n = sizeof b; ret_int(gnutls_dh_params_export_pkcs3(NULL, GNUTLS_X509_FMT_PEM, b, &n)))
/* GnuTLS crashes exporting parameters never set. */
CASE(gnutls_dh_params_export_pkcs3, 1, bad, never_set, SAME, INVAL, unsigned char b[600];
     size_t n = sizeof b;
     ret_int(gnutls_dh_params_export_pkcs3(empty_dh_params(), GNUTLS_X509_FMT_PEM, b, &n)))
/* DIFFERS: GnuTLS writes DER for any format but PEM. */
CASE(gnutls_dh_params_export_pkcs3, 2, range, _, DIFFERS, INVAL, unsigned char b[600];
     size_t n = sizeof b;
     ret_int(gnutls_dh_params_export_pkcs3(dh_params(), (gnutls_x509_crt_fmt_t)99, b, &n)))
/* DIFFERS: GnuTLS returns 0 and writes nothing (README). */
CASE(gnutls_dh_params_export_pkcs3, 3, null, _, DIFFERS, SHORT_BUF "/425", size_t n = 600;
     int r = gnutls_dh_params_export_pkcs3(dh_params(), GNUTLS_X509_FMT_PEM, NULL, &n);
     ret_int_and(r, (long)n))
CASE(gnutls_dh_params_export_pkcs3, 4, null, _, SAME, INVAL, unsigned char b[600];
     ret_int(gnutls_dh_params_export_pkcs3(dh_params(), GNUTLS_X509_FMT_PEM, b, NULL)))
CASE(gnutls_dh_params_export2_pkcs3, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_dh_params_export2_pkcs3(NULL, GNUTLS_X509_FMT_PEM, &d)))
/* DIFFERS: GnuTLS writes DER for any format but PEM. */
CASE(gnutls_dh_params_export2_pkcs3, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d;
     int r = gnutls_dh_params_export2_pkcs3(dh_params(), (gnutls_x509_crt_fmt_t)99, &d); ret_int(r);
     if (r == 0) gnutls_free(d.data))
CASE(gnutls_dh_params_export2_pkcs3, 3, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_export2_pkcs3(dh_params(), GNUTLS_X509_FMT_PEM, NULL)))
CASE(gnutls_dh_params_export_raw, 1, null, _, SAME, INVAL, gnutls_datum_t p, g; unsigned bits;
     ret_int(gnutls_dh_params_export_raw(NULL, &p, &g, &bits)))
CASE(gnutls_dh_params_export_raw, 1, bad, never_set, SAME, INVAL, gnutls_datum_t p, g;
     unsigned bits; ret_int(gnutls_dh_params_export_raw(empty_dh_params(), &p, &g, &bits)))
CASE(gnutls_dh_params_export_raw, 2, null, _, SAME, INVAL, gnutls_datum_t g; unsigned bits;
     ret_int(gnutls_dh_params_export_raw(dh_params(), NULL, &g, &bits)))
CASE(gnutls_dh_params_export_raw, 3, null, _, SAME, INVAL, gnutls_datum_t p; unsigned bits;
     ret_int(gnutls_dh_params_export_raw(dh_params(), &p, NULL, &bits)))
CASE(
    gnutls_dh_params_export_raw, 4, null, _, SAME, "0", gnutls_datum_t p, g;
    int r = gnutls_dh_params_export_raw(dh_params(), &p, &g, NULL); ret_int(r); if (r == 0) {
      gnutls_free(p.data);
      gnutls_free(g.data);
    })
CASE(gnutls_dh_params_generate2, 1, null, _, SAME, INVAL,
     ret_int(gnutls_dh_params_generate2(NULL, 2048)))
/* DIFFERS: Coda makes no new groups (README); GnuTLS refuses a size this
 * large as well. */
CASE(gnutls_dh_params_generate2, 2, range, _, DIFFERS, "GNUTLS_E_UNIMPLEMENTED_FEATURE",
     ret_int(gnutls_dh_params_generate2(empty_dh_params(), 0x7fffffffu)))
CASE(gnutls_certificate_set_dh_params, 1, null, _, SAME, RETURNED,
     gnutls_certificate_set_dh_params(NULL, dh_params());
     ret_void())
CASE(gnutls_certificate_set_dh_params, 2, null, _, SAME, RETURNED,
     gnutls_certificate_set_dh_params(empty_credentials(), NULL);
     ret_void())
CASE(gnutls_certificate_set_known_dh_params, 1, null, _, SAME, INVAL,
     ret_int(gnutls_certificate_set_known_dh_params(NULL, GNUTLS_SEC_PARAM_MEDIUM)))
/* Any level is stored, as in GnuTLS. */
CASE(gnutls_certificate_set_known_dh_params, 2, range, _, SAME, "0",
     ret_int(gnutls_certificate_set_known_dh_params(empty_credentials(), (gnutls_sec_param_t)99)))
CASE(gnutls_anon_set_server_dh_params, 1, null, _, SAME, RETURNED,
     gnutls_anon_set_server_dh_params(NULL, dh_params());
     ret_void())
CASE(gnutls_anon_set_server_dh_params, 2, null, _, SAME, RETURNED,
     gnutls_anon_server_credentials_t a;
     gnutls_anon_allocate_server_credentials(&a); gnutls_anon_set_server_dh_params(a, NULL);
     ret_void(); gnutls_anon_free_server_credentials(a))
CASE(gnutls_anon_set_server_known_dh_params, 1, null, _, SAME, INVAL,
     ret_int(gnutls_anon_set_server_known_dh_params(NULL, GNUTLS_SEC_PARAM_MEDIUM)))
/* Any level is stored, as in GnuTLS. */
CASE(gnutls_anon_set_server_known_dh_params, 2, range, _, SAME, "0",
     gnutls_anon_server_credentials_t a;
     gnutls_anon_allocate_server_credentials(&a);
     ret_int(gnutls_anon_set_server_known_dh_params(a, (gnutls_sec_param_t)99));
     gnutls_anon_free_server_credentials(a))
/* The RFC 7919 data symbols: their sizes (dh_params.c compares the bytes). */
CASE(gnutls_ffdhe_2048_group_prime, 0, call, _, SAME, "256",
     ret_uint(gnutls_ffdhe_2048_group_prime.size))
CASE(gnutls_ffdhe_2048_group_q, 0, call, _, SAME, "256", ret_uint(gnutls_ffdhe_2048_group_q.size))
CASE(gnutls_ffdhe_2048_group_generator, 0, call, _, SAME, "1",
     ret_uint(gnutls_ffdhe_2048_group_generator.size))
CASE(gnutls_ffdhe_2048_key_bits, 0, call, _, SAME, "256", ret_uint(gnutls_ffdhe_2048_key_bits))
CASE(gnutls_ffdhe_3072_group_prime, 0, call, _, SAME, "384",
     ret_uint(gnutls_ffdhe_3072_group_prime.size))
CASE(gnutls_ffdhe_3072_group_q, 0, call, _, SAME, "384", ret_uint(gnutls_ffdhe_3072_group_q.size))
CASE(gnutls_ffdhe_3072_group_generator, 0, call, _, SAME, "1",
     ret_uint(gnutls_ffdhe_3072_group_generator.size))
CASE(gnutls_ffdhe_3072_key_bits, 0, call, _, SAME, "276", ret_uint(gnutls_ffdhe_3072_key_bits))
CASE(gnutls_ffdhe_4096_group_prime, 0, call, _, SAME, "512",
     ret_uint(gnutls_ffdhe_4096_group_prime.size))
CASE(gnutls_ffdhe_4096_group_q, 0, call, _, SAME, "512", ret_uint(gnutls_ffdhe_4096_group_q.size))
CASE(gnutls_ffdhe_4096_group_generator, 0, call, _, SAME, "1",
     ret_uint(gnutls_ffdhe_4096_group_generator.size))
CASE(gnutls_ffdhe_4096_key_bits, 0, call, _, SAME, "336", ret_uint(gnutls_ffdhe_4096_key_bits))
CASE(gnutls_ffdhe_6144_group_prime, 0, call, _, SAME, "768",
     ret_uint(gnutls_ffdhe_6144_group_prime.size))
CASE(gnutls_ffdhe_6144_group_q, 0, call, _, SAME, "768", ret_uint(gnutls_ffdhe_6144_group_q.size))
CASE(gnutls_ffdhe_6144_group_generator, 0, call, _, SAME, "1",
     ret_uint(gnutls_ffdhe_6144_group_generator.size))
CASE(gnutls_ffdhe_6144_key_bits, 0, call, _, SAME, "376", ret_uint(gnutls_ffdhe_6144_key_bits))
CASE(gnutls_ffdhe_8192_group_prime, 0, call, _, SAME, "1024",
     ret_uint(gnutls_ffdhe_8192_group_prime.size))
CASE(gnutls_ffdhe_8192_group_q, 0, call, _, SAME, "1024", ret_uint(gnutls_ffdhe_8192_group_q.size))
CASE(gnutls_ffdhe_8192_group_generator, 0, call, _, SAME, "1",
     ret_uint(gnutls_ffdhe_8192_group_generator.size))
CASE(gnutls_ffdhe_8192_key_bits, 0, call, _, SAME, "512", ret_uint(gnutls_ffdhe_8192_key_bits))

/* ---- CRLs ---- */

CASE(gnutls_x509_crl_init, 1, null, _, SAME, INVAL, ret_int(gnutls_x509_crl_init(NULL)))
CASE(gnutls_x509_crl_deinit, 1, null, _, SAME, RETURNED, gnutls_x509_crl_deinit(NULL); ret_void())
CASE(gnutls_x509_crl_import, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crl_import(NULL, cert_pem(), GNUTLS_X509_FMT_PEM)))
CASE(gnutls_x509_crl_import, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crl_import(empty_crl(), NULL, GNUTLS_X509_FMT_PEM)))
/* DIFFERS: GnuTLS reads any format but PEM as DER. */
CASE(gnutls_x509_crl_import, 3, range, _, DIFFERS, INVAL,
     ret_int(gnutls_x509_crl_import(empty_crl(), cert_pem(), (gnutls_x509_crt_fmt_t)99)))
CASE(gnutls_x509_crl_export, 1, null, _, SAME, INVAL, char b[64]; size_t n = sizeof b;
     ret_int(gnutls_x509_crl_export(NULL, GNUTLS_X509_FMT_PEM, b, &n)))
/* DIFFERS: GnuTLS writes DER for any format but PEM. */
CASE(gnutls_x509_crl_export, 2, range, _, DIFFERS, INVAL, char b[2048]; size_t n = sizeof b;
     ret_int(gnutls_x509_crl_export(crl(), (gnutls_x509_crt_fmt_t)99, b, &n)))
/* DIFFERS: GnuTLS returns 0 and writes nothing (README). */
CASE(gnutls_x509_crl_export, 3, null, _, DIFFERS, SHORT_BUF, size_t n = 4096;
     ret_int(gnutls_x509_crl_export(crl(), GNUTLS_X509_FMT_DER, NULL, &n)))
CASE(gnutls_x509_crl_export, 4, null, _, SAME, INVAL, char b[64];
     ret_int(gnutls_x509_crl_export(crl(), GNUTLS_X509_FMT_PEM, b, NULL)))
CASE(gnutls_x509_crl_export2, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_x509_crl_export2(NULL, GNUTLS_X509_FMT_PEM, &d)))
/* DIFFERS: GnuTLS writes DER for any format but PEM. */
CASE(gnutls_x509_crl_export2, 2, range, _, DIFFERS, INVAL, gnutls_datum_t d;
     int r = gnutls_x509_crl_export2(crl(), (gnutls_x509_crt_fmt_t)99, &d); ret_int(r);
     if (r == 0) gnutls_free(d.data))
CASE(gnutls_x509_crl_export2, 3, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crl_export2(crl(), GNUTLS_X509_FMT_PEM, NULL)))
CASE(gnutls_x509_crl_get_issuer_dn, 1, null, _, SAME, INVAL, char b[256]; size_t n = sizeof b;
     ret_int(gnutls_x509_crl_get_issuer_dn(NULL, b, &n)))
/* DIFFERS: GnuTLS returns 0 and writes nothing (README). */
CASE(gnutls_x509_crl_get_issuer_dn, 2, null, _, DIFFERS, SHORT_BUF "/37", size_t n = 256;
     int r = gnutls_x509_crl_get_issuer_dn(crl(), NULL, &n); ret_int_and(r, (long)n))
CASE(gnutls_x509_crl_get_issuer_dn, 3, null, _, SAME, INVAL, char b[256];
     ret_int(gnutls_x509_crl_get_issuer_dn(crl(), b, NULL)))
CASE(gnutls_x509_crl_get_issuer_dn2, 1, null, _, SAME, INVAL, gnutls_datum_t d;
     ret_int(gnutls_x509_crl_get_issuer_dn2(NULL, &d)))
CASE(gnutls_x509_crl_get_issuer_dn2, 2, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crl_get_issuer_dn2(crl(), NULL)))
CASE(gnutls_x509_crl_get_this_update, 1, null, _, SAME, "-1",
     ret_int((long)gnutls_x509_crl_get_this_update(NULL)))
CASE(gnutls_x509_crl_get_next_update, 1, null, _, SAME, "-1",
     ret_int((long)gnutls_x509_crl_get_next_update(NULL)))
CASE(gnutls_x509_crl_get_version, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crl_get_version(NULL)))
CASE(gnutls_x509_crl_get_crt_count, 1, null, _, SAME, INVAL,
     ret_int(gnutls_x509_crl_get_crt_count(NULL)))
CASE(gnutls_x509_crl_get_crt_serial, 1, null, _, SAME, INVAL, unsigned char b[64];
     size_t n = sizeof b; ret_int(gnutls_x509_crl_get_crt_serial(NULL, 0, b, &n, NULL)))
CASE(gnutls_x509_crl_get_crt_serial, 2, range, _, SAME, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE",
     unsigned char b[64];
     size_t n = sizeof b; ret_int(gnutls_x509_crl_get_crt_serial(crl(), 99, b, &n, NULL)))
/* DIFFERS: GnuTLS returns 0 and writes nothing (README). */
/* (The serial's size depends on the random serial make_certs.sh chose.) */
CASE(gnutls_x509_crl_get_crt_serial, 3, null, _, DIFFERS, SHORT_BUF, size_t n = 64;
     ret_int(gnutls_x509_crl_get_crt_serial(crl(), 0, NULL, &n, NULL)))
CASE(gnutls_x509_crl_get_crt_serial, 4, null, _, SAME, INVAL, unsigned char b[64];
     ret_int(gnutls_x509_crl_get_crt_serial(crl(), 0, b, NULL, NULL)))
CASE(gnutls_x509_crl_get_crt_serial, 5, null, _, SAME, "0", unsigned char b[64];
     size_t n = sizeof b; ret_int(gnutls_x509_crl_get_crt_serial(crl(), 0, b, &n, NULL)))
CASE(gnutls_x509_crl_check_issuer, 1, null, _, SAME, "0",
     ret_uint(gnutls_x509_crl_check_issuer(NULL, certificate())))
CASE(gnutls_x509_crl_check_issuer, 2, null, _, SAME, "0",
     ret_uint(gnutls_x509_crl_check_issuer(crl(), NULL)))
CASE(gnutls_x509_crl_verify, 1, null, _, SAME, INVAL, unsigned v;
     gnutls_x509_crt_t ca = certificate(); ret_int(gnutls_x509_crl_verify(NULL, &ca, 1, 0, &v)))
CASE(gnutls_x509_crl_verify, 2, null, _, SAME, "0/66", unsigned v = 0;
     int r = gnutls_x509_crl_verify(crl(), NULL, 0, 0, &v); ret_int_and(r, (long)v))
/* DIFFERS: GnuTLS reads CA_list past its end for a length it does not have. */
CASE(gnutls_x509_crl_verify, 3, range, _, DIFFERS, INVAL, unsigned v;
     ret_int(gnutls_x509_crl_verify(crl(), NULL, 5, 0, &v)))
/* Flags change nothing for a CRL whose issuer is absent. */
CASE(gnutls_x509_crl_verify, 4, range, _, SAME, "0/66", unsigned v = 0;
     gnutls_x509_crt_t other = certificate();
     int r = gnutls_x509_crl_verify(crl(), &other, 1, 0xffffu, &v); ret_int_and(r, (long)v))
/* The status is computed and not stored, as in GnuTLS. */
CASE(gnutls_x509_crl_verify, 5, null, _, SAME, "0", gnutls_x509_crt_t ca = certificate();
     ret_int(gnutls_x509_crl_verify(crl(), &ca, 1, 0, NULL)))
CASE(gnutls_x509_crl_list_import, 1, null, _, SAME, INVAL, unsigned max = 4;
     gnutls_datum_t d = {NULL, 0}; int r = gnutls_load_file(cert_file("crl.pem"), &d);
     if (r == 0) r = gnutls_x509_crl_list_import(NULL, &max, &d, GNUTLS_X509_FMT_PEM, 0);
     ret_int(r); gnutls_free(d.data))
CASE(gnutls_x509_crl_list_import, 2, null, _, SAME, INVAL, gnutls_x509_crl_t l[4];
     gnutls_datum_t d = {NULL, 0}; int r = gnutls_load_file(cert_file("crl.pem"), &d);
     if (r == 0) r = gnutls_x509_crl_list_import(l, NULL, &d, GNUTLS_X509_FMT_PEM, 0); ret_int(r);
     gnutls_free(d.data))
CASE(gnutls_x509_crl_list_import, 3, null, _, SAME, INVAL, gnutls_x509_crl_t l[4]; unsigned max = 4;
     ret_int(gnutls_x509_crl_list_import(l, &max, NULL, GNUTLS_X509_FMT_PEM, 0)))
/* DIFFERS: GnuTLS reads any format but PEM as DER. */
CASE(gnutls_x509_crl_list_import, 4, range, _, DIFFERS, INVAL, gnutls_x509_crl_t l[4];
     unsigned max = 4;
     ret_int(gnutls_x509_crl_list_import(l, &max, cert_pem(), (gnutls_x509_crt_fmt_t)99, 0)))
/* Unknown flags are ignored, as in GnuTLS. */
CASE(gnutls_x509_crl_list_import, 5, range, _, SAME, "1", gnutls_x509_crl_t l[4]; unsigned max = 4;
     gnutls_datum_t d = {NULL, 0}; int r = gnutls_load_file(cert_file("crl.pem"), &d);
     if (r == 0) r = gnutls_x509_crl_list_import(l, &max, &d, GNUTLS_X509_FMT_PEM, 1u << 20);
     ret_int(r); if (r == 1) gnutls_x509_crl_deinit(l[0]); gnutls_free(d.data))
CASE(gnutls_x509_crl_list_import2, 1, null, _, SAME, INVAL, unsigned n;
     ret_int(gnutls_x509_crl_list_import2(NULL, &n, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
/* DIFFERS: GnuTLS reads the text first (no CRL in it: GNUTLS_E_BASE64_DECODING_ERROR). */
CASE(gnutls_x509_crl_list_import2, 2, null, _, DIFFERS, INVAL, gnutls_x509_crl_t* l;
     ret_int(gnutls_x509_crl_list_import2(&l, NULL, cert_pem(), GNUTLS_X509_FMT_PEM, 0)))
CASE(gnutls_x509_crl_list_import2, 3, null, _, SAME, INVAL, gnutls_x509_crl_t* l; unsigned n;
     ret_int(gnutls_x509_crl_list_import2(&l, &n, NULL, GNUTLS_X509_FMT_PEM, 0)))
/* DIFFERS: GnuTLS reads any format but PEM as DER. */
CASE(gnutls_x509_crl_list_import2, 4, range, _, DIFFERS, INVAL, gnutls_x509_crl_t* l; unsigned n;
     ret_int(gnutls_x509_crl_list_import2(&l, &n, cert_pem(), (gnutls_x509_crt_fmt_t)99, 0)))
CASE(gnutls_x509_crl_list_import2, 5, range, _, SAME, "0/1", gnutls_x509_crl_t* l = NULL;
     unsigned n = 0, i; gnutls_datum_t d = {NULL, 0};
     int r = gnutls_load_file(cert_file("crl.pem"), &d);
     if (r == 0) r = gnutls_x509_crl_list_import2(&l, &n, &d, GNUTLS_X509_FMT_PEM, 1u << 20);
     ret_int_and(r, (long)n); for (i = 0; r == 0 && i < n; i++) gnutls_x509_crl_deinit(l[i]);
     gnutls_free(l); gnutls_free(d.data))
CASE(gnutls_certificate_set_x509_crl, 1, null, _, SAME, INVAL, gnutls_x509_crl_t c = crl();
     ret_int(gnutls_certificate_set_x509_crl(NULL, &c, 1)))
CASE(gnutls_certificate_set_x509_crl, 2, null, _, SAME, "0",
     ret_int(gnutls_certificate_set_x509_crl(empty_credentials(), NULL, 0)))
/* DIFFERS: GnuTLS reads a negative count as a large one and runs past the list. */
CASE(gnutls_certificate_set_x509_crl, 3, range, _, DIFFERS, INVAL, gnutls_x509_crl_t c = crl();
     ret_int(gnutls_certificate_set_x509_crl(empty_credentials(), &c, -1)))
