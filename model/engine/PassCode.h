#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace tessera::engine {

// The short code printed on a pass for people who type rather than scan
// (docs/ARCHITECTURE.md, «Pass codes»): 12 random characters of Crockford's
// base 32 (60 bits) and one check character, shown as XXXX-XXXX-XXXX-C.
//
// * The alphabet has no I, L, O or U. Reading is forgiving: any case, O is
//   read as 0, I and L as 1, hyphens and spaces are ignored.
// * The check character is Damm's algorithm over the quasigroup
//   x∘y = α·x + y in GF(32) (α a primitive element): it catches every
//   single wrong character and every swap of two neighbours, which a Luhn
//   sum modulo 32 would not.
// * A typo is found before anything is looked up; error messages never
//   repeat the code.
class PassCode
{
public:
    static constexpr int kDataLength = 12;
    static constexpr int kLength = kDataLength + 1;
    // The 32 characters, in the order of their values.
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // A new code from the CSPRNG.
    static PassCode random();
    // A code as a person typed it.
    static Result<PassCode> parse(QStringView typed);
    // The check character for kDataLength characters of the alphabet.
    static QChar checkCharacter(QStringView data);

    // The 13 characters without separators: what is hashed and sealed under.
    const QString& normalised() const { return m_text; }
    // "XXXX-XXXX-XXXX-C": what is printed.
    QString grouped() const;

private:
    explicit PassCode(QString text)
        : m_text(std::move(text))
    {}
    QString m_text;
};

} // namespace tessera::engine
