#pragma once
// Result<T>: a value or an Error naming what is wrong and where. Everything in models/ that can
// fail returns one; no exception crosses a Qt boundary.

#include <QString>

#include <optional>
#include <utility>

namespace ContactDesk {

struct Error
{
    enum class Code {
        None,
        Invalid,         // a value breaks a rule (bad email, no email or phone, ...)
        Duplicate,       // a unique value another live contact already has
        NotFound,
        Sql,             // the database refused a statement
        ReadOnly,        // the database file cannot be written
        Locked,          // another program holds the database lock
        NewerVersion,    // written by a newer ContactDesk
        Io,
        Cancelled,
    };

    Code code = Code::None;
    QString message; // in the user's words
    QString where;   // the field, file or statement it concerns

    QString toString() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T& operator*() const& { return *m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    T* operator->() { return &*m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace ContactDesk
