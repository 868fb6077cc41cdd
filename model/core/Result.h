#pragma once

#include "core/Error.h"

#include <utility>
#include <variant>

namespace tessera {

// A value or an Error: the engine's way of failing (C++20 has no std::expected).
// Construct from a T for success or from an Error for failure.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_state) : std::move(fallback); }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace tessera

// Propagates the error of an expression returning Result<...>. Keeps call sites
// flat: TESSERA_TRY(tx.commit());
#define TESSERA_TRY(expr)                                                                          \
    do {                                                                                           \
        if (const auto& tesseraTryResult_ = (expr); !tesseraTryResult_.ok())                       \
            return tesseraTryResult_.error();                                                      \
    } while (false)
