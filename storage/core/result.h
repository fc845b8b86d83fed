#pragma once

#include "core/nextstep.h"

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pmkv {

// What went wrong, in words a user can act on: what, where (file, key or setting) and what
// to do. `code` is stable and machine-readable (used by --json output and tests). `next` is
// the next safe step as data (resume run X, roll back run X, ...): the message says what
// happened, the front end words the step (a command line in `pmkv`, a button in the GUI).
struct Error
{
    QString code;
    QString message;
    NextStep next = {};
};

// Errors are values at API boundaries: a Result holds either a T or an Error.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString code, QString message, NextStep next = {})
{
    return Error{std::move(code), std::move(message), std::move(next)};
}

} // namespace pmkv
