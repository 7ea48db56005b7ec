// Status and Result<T>: how parallax reports expected failures without exceptions.
//
// Invariant: an OK Status carries no message; a Result<T> holds either a value or a non-OK
// Status, never both. Library code returns these for every failure a user can cause (bad
// bytes, missing files, limits); CHECK-style aborts are kept for broken invariants only.
//
//   parallax::Result<std::string> ReadAll(std::string_view path);
//   PARALLAX_ASSIGN_OR_RETURN(std::string bytes, ReadAll(path));
//   if (bytes.empty()) return parallax::Status::InvalidArgument("empty file");
#ifndef PARALLAX_STATUS_H_
#define PARALLAX_STATUS_H_

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parallax {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller's input is malformed (bad UTF-8, bad JSON, unknown flag)
  kNotFound,           // a path or id does not exist
  kIoError,            // the operating system refused a read or write
  kResourceExhausted,  // a named limit was exceeded (max_article_bytes ...)
  kUnsupported,        // the input is valid but of a kind parallax does not handle (binary file)
  kInternal,           // a bug: an invariant did not hold
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>"; "ok" for an OK status.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds a T or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(data_).ok()) data_ = Status::Internal("Result built from OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  // Precondition: ok(). Calling these on an error aborts (a bug at the call site).
  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<Result*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  T* operator->() { return &Checked(); }
  T& operator*() { return Checked(); }

 private:
  T& Checked() {
    if (!ok()) std::abort();
    return std::get<T>(data_);
  }
  std::variant<T, Status> data_;
};

}  // namespace parallax

#define PARALLAX_CONCAT_INNER_(a, b) a##b
#define PARALLAX_CONCAT_(a, b) PARALLAX_CONCAT_INNER_(a, b)

#define PARALLAX_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::parallax::Status parallax_status_ = (expr);        \
    if (!parallax_status_.ok()) return parallax_status_; \
  } while (0)

#define PARALLAX_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                    \
  if (!tmp.ok()) return tmp.status();                   \
  lhs = std::move(tmp).value()

#define PARALLAX_ASSIGN_OR_RETURN(lhs, expr) \
  PARALLAX_ASSIGN_OR_RETURN_IMPL_(PARALLAX_CONCAT_(parallax_result_, __LINE__), lhs, expr)

#endif  // PARALLAX_STATUS_H_
