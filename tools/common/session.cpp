#include "common/session.hpp"

#include <cstring>

#include "base/alert.hpp"
#include "config/names.hpp"
#include "config/priority.hpp"
#include "crypto/x509.hpp"

namespace coda::tools {

bool load_certificates(const std::vector<std::string>& cert_files,
                       const std::vector<std::string>& key_files, Config& config,
                       std::string* error) {
  if (cert_files.size() != key_files.size()) {
    *error = "--x509certfile and --x509keyfile must be given the same number of times (" +
             std::to_string(cert_files.size()) + " and " + std::to_string(key_files.size()) + ")";
    return false;
  }
  for (size_t i = 0; i < cert_files.size(); ++i) {
    auto key = CertifiedKey::load(cert_files[i], key_files[i]);
    if (!key) {
      *error = "cannot load certificate " + cert_files[i] + " with key " + key_files[i] + ": " +
               key.error().detail;
      return false;
    }
    config.certificates.push_back(std::move(key).value());
  }
  return true;
}

bool load_trust(const std::vector<std::string>& ca_files, Config& config, std::string* error) {
  auto store = std::make_shared<crypto::TrustStore>();
  if (ca_files.empty()) {
    if (auto n = store->add_system(); !n) {
      *error = std::string("cannot load the system trust store: ") + n.error().detail;
      return false;
    }
  }
  for (const auto& file : ca_files) {
    if (auto n = store->add_file(file); !n) {
      *error = "cannot load CA file " + file + ": " + n.error().detail;
      return false;
    }
  }
  config.trust = std::move(store);
  return true;
}

bool apply_priority(const std::string& text, Config& config, std::string* error) {
  PriorityError where;
  auto parsed = parse_priority(text, &where);
  if (!parsed) {
    *error = "bad priority string: " +
             (where.message.empty() ? std::string(parsed.error().detail) : where.message);
    return false;
  }
  config.apply(*parsed);
  return true;
}

bool apply_alpn(const std::vector<std::string>& names, Config& config, std::string* error) {
  for (const std::string& name : names) {
    if (name.empty() || name.size() > 255) {
      *error = "bad --alpn '" + name + "': a protocol name is 1 to 255 bytes";
      return false;
    }
  }
  config.alpn_protocols = names;
  return true;
}

namespace {

bool is_certificate_alert(AlertDescription a) {
  switch (a) {
    case AlertDescription::bad_certificate:
    case AlertDescription::unsupported_certificate:
    case AlertDescription::certificate_revoked:
    case AlertDescription::certificate_expired:
    case AlertDescription::certificate_unknown:
    case AlertDescription::unknown_ca:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string verification_failure(const Error& error, const Connection& conn) {
  const uint32_t status = conn.info().peer_verify_status;
  if (status != 0) {
    return "certificate verification failed: " + crypto::describe_verify_status(status);
  }
  if (error.kind == ErrorKind::local_alert && is_certificate_alert(error.alert)) {
    return std::string("certificate verification failed: ") + error.detail;
  }
  return {};
}

std::string describe_engine_error(const Error& error, const Connection& conn) {
  switch (error.kind) {
    case ErrorKind::local_alert: {
      std::string text = verification_failure(error, conn);
      if (text.empty()) text = error.detail;
      return text + " (sent alert " + alert_name(error.alert) + ")";
    }
    case ErrorKind::peer_alert:
      return std::string("the peer sent the fatal alert ") + alert_name(error.alert);
    case ErrorKind::premature_eof:
      return std::string("truncated: the connection ended without close_notify (") + error.detail +
             ")";
    default:
      return error.detail;
  }
}

std::string describe_error(const Error& error, const Connection& conn, const io::FdDriver& driver) {
  if (io::FdDriver::is_timeout(error)) return "timed out";
  if (io::FdDriver::is_interrupted(error)) return "interrupted";
  if (io::FdDriver::is_transport_error(error)) {
    return std::string("transport error: ") + std::strerror(driver.sys_errno());
  }
  return describe_engine_error(error, conn);
}

std::string session_brief(const Connection& conn) {
  const SessionInfo& info = conn.info();
  std::string s(version_name(info.version));
  s += " ";
  s += suite_name(info.cipher_suite);
  s += " ";
  s += group_name(info.group);
  if (info.hello_retry) s += " (HRR)";
  if (!info.alpn.empty()) s += " alpn=" + info.alpn;
  return s;
}

void print_summary(std::FILE* out, const Connection& conn, const std::string& verified_name) {
  const SessionInfo& info = conn.info();
  auto sv = [](std::string_view v) { return std::string(v); };
  std::fprintf(out, "- version: %s\n", sv(version_name(info.version)).c_str());
  std::fprintf(out, "- cipher suite: %s\n", sv(suite_name(info.cipher_suite)).c_str());
  std::fprintf(out, "- group: %s%s\n", sv(group_name(info.group)).c_str(),
               info.hello_retry ? " (after HelloRetryRequest)" : "");
  // A resumed session is authenticated by its PSK: no signature (RFC 8446 2.2).
  if (info.resumed) {
    std::fprintf(out, "- peer signature: none (resumed)\n");
  } else {
    std::fprintf(out, "- peer signature: %s\n",
                 sv(scheme_name(info.peer_signature_scheme)).c_str());
  }
  if (!info.alpn.empty()) std::fprintf(out, "- application protocol: %s\n", info.alpn.c_str());
  if (!info.peer_chain.empty()) {
    std::fprintf(out, "- peer certificate: %s (issuer: %s)\n", info.peer_chain[0].subject().c_str(),
                 info.peer_chain[0].issuer().c_str());
  }
  // Set only once our CertificateVerify went out (the server asked, and a
  // certificate of ours fitted its request).
  if (conn.role() == Role::client && info.own_signature_scheme != SignatureScheme{}) {
    std::fprintf(out, "- client certificate: sent, signed with %s\n",
                 sv(scheme_name(info.own_signature_scheme)).c_str());
  }
  if (verified_name.empty()) {
    std::fprintf(out, "- verification: not done (--insecure)\n");
  } else if (info.peer_verify_status == 0) {
    std::fprintf(out, "- verification: trusted, matches %s\n", verified_name.c_str());
  } else {
    std::fprintf(out, "- verification: FAILED: %s\n",
                 crypto::describe_verify_status(info.peer_verify_status).c_str());
  }
  std::fflush(out);
}

}  // namespace coda::tools
