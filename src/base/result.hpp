// Result<T>: a value or an Error, for a core that uses no exceptions.
#pragma once

#include <cassert>
#include <optional>
#include <type_traits>
#include <utility>

#include "base/alert.hpp"

namespace coda {

enum class ErrorKind : uint8_t {
  local_alert,       // we found a protocol violation; `alert` is what we send
  peer_alert,        // the peer sent the fatal alert `alert`
  premature_eof,     // transport EOF before the peer's close_notify (truncation)
  invalid_request,   // the call is not allowed in this state (send after close, ...)
  invalid_argument,  // bad input from the application (file, key, priority string)
  not_supported,     // well-formed request for something Coda does not do
  internal,          // a library call failed where it should not
};

// Why a protocol error happened, where one alert covers several causes the
// C API tells apart (GnuTLS has distinct numbers for them).
enum class Reason : uint8_t {
  none,
  no_shared_cipher,
  no_shared_group,
  no_usable_certificate,
  finished_mismatch,
  bad_signature,
  handshake_out_of_order,
  plaintext_under_keys,
  hook_aborted,
  no_client_certificate,     // a TLS 1.2 server required one and got none
  no_certificate_to_verify,  // a server asked to verify a client that sent none
  bad_extensions_length,     // a hello's extensions block does not fit the message
  certificate_rejected,      // the program's check refused the peer's certificate
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  AlertDescription alert = AlertDescription::internal_error;
  const char* detail = "";  // static text, for logs and tools
  Reason reason = Reason::none;

  static Error alert_error(AlertDescription a, const char* why, Reason reason = Reason::none) {
    return {ErrorKind::local_alert, a, why, reason};
  }
  static Error make(ErrorKind k, const char* why) {
    return {k, AlertDescription::internal_error, why, Reason::none};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(error) {}         // NOLINT(google-explicit-constructor)

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return error_; }

 private:
  std::optional<T> value_;
  Error error_{};
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(error), failed_(true) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return error_; }

 private:
  Error error_{};
  bool failed_ = false;
};

using Status = Result<void>;

inline Error decode_error(const char* why) {
  return Error::alert_error(AlertDescription::decode_error, why);
}
inline Error illegal_parameter(const char* why) {
  return Error::alert_error(AlertDescription::illegal_parameter, why);
}

}  // namespace coda

// Propagates the error of a Result-returning expression.
#define CODA_TRY(expr)                                      \
  do {                                                      \
    auto coda_try_result_ = (expr);                         \
    if (!coda_try_result_) return coda_try_result_.error(); \
  } while (0)

// Binds the value of a Result-returning expression, or propagates its error.
#define CODA_CONCAT_INNER(a, b) a##b
#define CODA_CONCAT(a, b) CODA_CONCAT_INNER(a, b)
#define CODA_ASSIGN(lhs, expr) CODA_ASSIGN_IMPL(CODA_CONCAT(coda_assign_, __LINE__), lhs, expr)
#define CODA_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                     \
  if (!tmp) return tmp.error();          \
  lhs = std::move(tmp).value()
