#include "engine/PolicyParser.h"

#include "engine/Duration.h"

#include <QJsonValue>
#include <cmath>
#include <optional>
#include <vector>

namespace tessera::engine {
namespace {

constexpr int kMaxNesting = 32;

// --- a small tree of HCL (and JSON, which is nearly the same grammar) -------

struct Item;

struct Value
{
    enum class Kind
    {
        String,
        Number,
        Bool,
        List,
        Object
    };
    Kind kind = Kind::String;
    QString text;              // String, Number, Bool
    std::vector<Value> list;   // List
    std::vector<Item> members; // Object
    int line = 0;
};

struct Item
{
    QStringList keys; // `path "ebooks/*"` has two keys
    Value value;
    int line = 0;
};

struct Lexeme
{
    enum class Type
    {
        End,
        Ident,
        String,
        Number,
        LBrace,
        RBrace,
        LBracket,
        RBracket,
        Assign,
        Comma
    };
    Type type = Type::End;
    QString text;
    int line = 1;
};

QString describe(const Lexeme& lexeme)
{
    switch (lexeme.type) {
    case Lexeme::Type::End:
        return QStringLiteral("the end of the policy");
    case Lexeme::Type::String:
        return QStringLiteral("a string");
    case Lexeme::Type::Number:
        return QStringLiteral("a number");
    case Lexeme::Type::Ident:
        return u'"' + lexeme.text.left(32) + u'"';
    default:
        return u'"' + lexeme.text + u'"';
    }
}

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_text(text)
    {}

    std::optional<std::vector<Item>> parseDocument()
    {
        if (!advance())
            return std::nullopt;
        std::vector<Item> items;
        if (m_current.type == Lexeme::Type::LBrace) { // the JSON form
            Value object;
            if (!parseValue(object, 0))
                return std::nullopt;
            items = std::move(object.members);
        } else if (!parseMembers(items, Lexeme::Type::End, 0)) {
            return std::nullopt;
        }
        if (m_current.type != Lexeme::Type::End) {
            fail(m_current.line, QStringLiteral("unexpected %1").arg(describe(m_current)));
            return std::nullopt;
        }
        return items;
    }

    const Error& error() const { return m_error; }

    bool fail(int line, const QString& message)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = Error::invalid(QStringLiteral("Line %1: %2.").arg(line).arg(message));
        }
        return false;
    }

private:
    // --- lexer ---------------------------------------------------------------
    QChar peekChar(qsizetype offset = 0) const
    {
        return m_pos + offset < m_text.size() ? m_text[m_pos + offset] : QChar();
    }

    bool skipSpaceAndComments()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c == u'\n') {
                ++m_line;
                ++m_pos;
            } else if (c == u' ' || c == u'\t' || c == u'\r' || c == QChar(0xFEFF)) {
                ++m_pos;
            } else if (c == u'#' || (c == u'/' && peekChar(1) == u'/')) {
                while (m_pos < m_text.size() && m_text[m_pos] != u'\n')
                    ++m_pos;
            } else if (c == u'/' && peekChar(1) == u'*') {
                const int startLine = m_line;
                m_pos += 2;
                while (m_pos < m_text.size() && !(m_text[m_pos] == u'*' && peekChar(1) == u'/')) {
                    if (m_text[m_pos] == u'\n')
                        ++m_line;
                    ++m_pos;
                }
                if (m_pos >= m_text.size())
                    return fail(startLine, QStringLiteral("unterminated /* comment"));
                m_pos += 2;
            } else {
                break;
            }
        }
        return true;
    }

    static bool isIdentStart(QChar c)
    {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    }
    static bool isIdentChar(QChar c)
    {
        return isIdentStart(c) || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.';
    }

    bool lexString(Lexeme& out)
    {
        ++m_pos; // the opening quote
        QString text;
        while (true) {
            if (m_pos >= m_text.size() || m_text[m_pos] == u'\n')
                return fail(out.line, QStringLiteral("unterminated string"));
            const QChar c = m_text[m_pos++];
            if (c == u'"')
                break;
            if (c != u'\\') {
                text += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return fail(out.line, QStringLiteral("unterminated string"));
            const QChar escaped = m_text[m_pos++];
            switch (escaped.unicode()) {
            case u'"':
            case u'\\':
            case u'/':
                text += escaped;
                break;
            case u'n':
                text += u'\n';
                break;
            case u't':
                text += u'\t';
                break;
            case u'r':
                text += u'\r';
                break;
            case u'b':
                text += u'\b';
                break;
            case u'f':
                text += u'\f';
                break;
            case u'u': {
                bool ok = false;
                const uint code =
                    m_text.sliced(m_pos, std::min<qsizetype>(4, m_text.size() - m_pos))
                        .toUInt(&ok, 16);
                if (!ok || m_text.size() - m_pos < 4)
                    return fail(out.line, QStringLiteral("bad \\u escape in a string"));
                text += QChar(char16_t(code));
                m_pos += 4;
                break;
            }
            default:
                return fail(out.line,
                            QStringLiteral("unknown escape \\%1 in a string").arg(escaped));
            }
        }
        out.type = Lexeme::Type::String;
        out.text = std::move(text);
        return true;
    }

    // Reads the next lexeme into m_current.
    bool advance()
    {
        if (!skipSpaceAndComments())
            return false;
        Lexeme next;
        next.line = m_line;
        if (m_pos >= m_text.size()) {
            m_current = next;
            return true;
        }
        const QChar c = m_text[m_pos];
        const auto single = [&](Lexeme::Type type) {
            next.type = type;
            next.text = c;
            ++m_pos;
        };
        switch (c.unicode()) {
        case u'{':
            single(Lexeme::Type::LBrace);
            break;
        case u'}':
            single(Lexeme::Type::RBrace);
            break;
        case u'[':
            single(Lexeme::Type::LBracket);
            break;
        case u']':
            single(Lexeme::Type::RBracket);
            break;
        case u'=':
        case u':': // JSON
            single(Lexeme::Type::Assign);
            break;
        case u',':
            single(Lexeme::Type::Comma);
            break;
        case u'"':
            if (!lexString(next))
                return false;
            break;
        default:
            if (c == u'<' && peekChar(1) == u'<')
                return fail(m_line, QStringLiteral("heredoc strings are not supported"));
            if (isIdentStart(c)) {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
                    ++m_pos;
                next.type = Lexeme::Type::Ident;
                next.text = m_text.sliced(start, m_pos - start).toString();
            } else if (c.isDigit() || c == u'-' || c == u'+') {
                const qsizetype start = m_pos++;
                while (m_pos < m_text.size() &&
                       (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == u'.' ||
                        m_text[m_pos] == u'-' || m_text[m_pos] == u'+'))
                    ++m_pos;
                next.type = Lexeme::Type::Number;
                next.text = m_text.sliced(start, m_pos - start).toString();
                if (!checkNumber(next.text))
                    return false;
            } else {
                return fail(m_line, c.isPrint() ? QStringLiteral("unexpected character '%1'").arg(c)
                                                : QStringLiteral("unexpected character"));
            }
        }
        m_current = std::move(next);
        return true;
    }

    // HCL's numbers: an int64 or a finite float64 (Vault's HCL refuses the rest
    // too, e.g. 1e309).
    bool checkNumber(const QString& number)
    {
        qsizetype i = number.startsWith(u'-') || number.startsWith(u'+') ? 1 : 0;
        const auto digits = [&] {
            const qsizetype from = i;
            while (i < number.size() && number[i] >= u'0' && number[i] <= u'9')
                ++i;
            return i > from;
        };
        bool ok = digits();
        bool integer = true;
        if (ok && i < number.size() && number[i] == u'.') {
            ++i;
            ok = digits();
            integer = false;
        }
        if (ok && i < number.size() && (number[i] == u'e' || number[i] == u'E')) {
            ++i;
            if (i < number.size() && (number[i] == u'-' || number[i] == u'+'))
                ++i;
            ok = digits();
            integer = false;
        }
        if (!ok || i != number.size())
            return fail(m_line, QStringLiteral("\"%1\" is not a number").arg(number.left(32)));
        bool inRange = false;
        if (integer)
            (void)number.toLongLong(&inRange);
        else
            inRange = std::isfinite(number.toDouble(&inRange)) && inRange;
        if (!inRange)
            return fail(m_line,
                        QStringLiteral("the number %1 is out of range").arg(number.left(32)));
        return true;
    }

    // --- parser --------------------------------------------------------------
    bool parseMembers(std::vector<Item>& items, Lexeme::Type closing, int depth)
    {
        while (m_current.type != closing) {
            if (m_current.type == Lexeme::Type::End)
                return fail(m_current.line, QStringLiteral("missing '}'"));
            Item item;
            item.line = m_current.line;
            while (m_current.type == Lexeme::Type::Ident ||
                   m_current.type == Lexeme::Type::String) {
                item.keys << m_current.text;
                if (!advance())
                    return false;
            }
            if (item.keys.isEmpty())
                return fail(m_current.line,
                            QStringLiteral("expected a key, found %1").arg(describe(m_current)));
            if (m_current.type == Lexeme::Type::Assign) {
                if (!advance())
                    return false;
            } else if (m_current.type != Lexeme::Type::LBrace) {
                return fail(m_current.line, QStringLiteral("expected '=' or '{' after \"%1\"")
                                                .arg(item.keys.constLast().left(64)));
            }
            if (!parseValue(item.value, depth + 1))
                return false;
            items.push_back(std::move(item));
            if (m_current.type == Lexeme::Type::Comma && !advance())
                return false;
        }
        return true;
    }

    bool parseValue(Value& value, int depth)
    {
        if (depth > kMaxNesting)
            return fail(m_current.line, QStringLiteral("too deeply nested"));
        value.line = m_current.line;
        switch (m_current.type) {
        case Lexeme::Type::String:
        case Lexeme::Type::Number:
            value.kind =
                m_current.type == Lexeme::Type::String ? Value::Kind::String : Value::Kind::Number;
            value.text = m_current.text;
            return advance();
        case Lexeme::Type::Ident:
            if (m_current.text != u"true" && m_current.text != u"false")
                return fail(m_current.line,
                            QStringLiteral("unexpected %1 (strings need double quotes)")
                                .arg(describe(m_current)));
            value.kind = Value::Kind::Bool;
            value.text = m_current.text;
            return advance();
        case Lexeme::Type::LBracket:
            value.kind = Value::Kind::List;
            if (!advance())
                return false;
            while (m_current.type != Lexeme::Type::RBracket) {
                Value element;
                if (!parseValue(element, depth + 1))
                    return false;
                value.list.push_back(std::move(element));
                if (m_current.type == Lexeme::Type::Comma) {
                    if (!advance())
                        return false;
                } else if (m_current.type != Lexeme::Type::RBracket) {
                    return fail(
                        m_current.line,
                        QStringLiteral("expected ',' or ']', found %1").arg(describe(m_current)));
                }
            }
            return advance();
        case Lexeme::Type::LBrace:
            value.kind = Value::Kind::Object;
            if (!advance())
                return false;
            if (!parseMembers(value.members, Lexeme::Type::RBrace, depth + 1))
                return false;
            return advance();
        default:
            return fail(m_current.line,
                        QStringLiteral("expected a value, found %1").arg(describe(m_current)));
        }
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    Lexeme m_current;
    bool m_failed = false;
    Error m_error;
};

// --- from the tree to a Policy -------------------------------------------------

class PolicyBuilder
{
public:
    explicit PolicyBuilder(Parser& parser)
        : m_parser(parser)
    {}

    bool addTopLevel(const Item& item)
    {
        const QString& key = item.keys.constFirst();
        if (key == u"name" && item.keys.size() == 1)
            return true; // Vault's legacy name field; the API's name wins
        if (key != u"path")
            return m_parser.fail(
                item.line,
                QStringLiteral("unknown key \"%1\" (expected \"path\")").arg(key.left(64)));
        if (item.keys.size() == 2) {
            if (item.value.kind != Value::Kind::Object)
                return m_parser.fail(item.value.line, QStringLiteral("expected a { } block"));
            return addRule(item.keys[1], item.value, item.line);
        }
        if (item.keys.size() > 2)
            return m_parser.fail(item.line, QStringLiteral("a path block takes exactly one path"));
        // path = { "p" = { … } } and JSON's "path": {…} or "path": [{…}, …]
        if (item.value.kind == Value::Kind::Object)
            return addRules(item.value);
        if (item.value.kind == Value::Kind::List) {
            for (const Value& element : item.value.list) {
                if (element.kind != Value::Kind::Object)
                    return m_parser.fail(element.line, QStringLiteral("expected a path object"));
                if (!addRules(element))
                    return false;
            }
            return true;
        }
        return m_parser.fail(item.line, QStringLiteral("\"path\" must be followed by a quoted path "
                                                       "and a { } block"));
    }

    QList<PathRule> takeRules() { return std::move(m_rules); }

private:
    bool addRules(const Value& object)
    {
        for (const Item& member : object.members) {
            if (member.keys.size() != 1 || member.value.kind != Value::Kind::Object)
                return m_parser.fail(member.line,
                                     QStringLiteral("expected a path with a { } block"));
            if (!addRule(member.keys[0], member.value, member.line))
                return false;
        }
        return true;
    }

    bool checkPath(const QString& path, int line)
    {
        if (path.isEmpty())
            return m_parser.fail(line, QStringLiteral("a path must not be empty"));
        for (const QChar c : path) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                return m_parser.fail(line,
                                     QStringLiteral("a path must not contain control characters"));
        }
        if (path.contains(QStringLiteral("+*")))
            return m_parser.fail(line, QStringLiteral("invalid use of wildcards in \"%1\" ('+*' is "
                                                      "forbidden)")
                                           .arg(path.left(128)));
        const qsizetype glob = path.indexOf(u'*');
        if (glob >= 0 && glob != path.size() - 1)
            return m_parser.fail(line, QStringLiteral("'*' is allowed only at the end of a path, "
                                                      "not in \"%1\"")
                                           .arg(path.left(128)));
        return true;
    }

    bool capabilitiesFrom(const Value& value, Capabilities& capabilities)
    {
        if (value.kind != Value::Kind::List)
            return m_parser.fail(value.line, QStringLiteral("capabilities must be a list such as "
                                                            "[\"read\", \"list\"]"));
        for (const Value& element : value.list) {
            if (element.kind != Value::Kind::String)
                return m_parser.fail(element.line,
                                     QStringLiteral("a capability must be a quoted name"));
            const std::optional<Capability> capability = capabilityFromName(element.text);
            if (!capability)
                return m_parser.fail(
                    element.line, QStringLiteral("unknown capability \"%1\" (expected create, "
                                                 "read, update, patch, delete, list, sudo or deny)")
                                      .arg(element.text.left(64)));
            capabilities |= *capability;
        }
        return true;
    }

    bool legacyPolicy(const Value& value, Capabilities& capabilities)
    {
        const Capabilities write{Capability::Create, Capability::Read, Capability::Update,
                                 Capability::Delete, Capability::List};
        if (value.kind == Value::Kind::String && value.text == u"deny")
            capabilities |= Capability::Deny;
        else if (value.kind == Value::Kind::String && value.text == u"read")
            capabilities |= Capabilities{Capability::Read, Capability::List};
        else if (value.kind == Value::Kind::String && value.text == u"write")
            capabilities |= write;
        else if (value.kind == Value::Kind::String && value.text == u"sudo")
            capabilities |= write | Capability::Sudo;
        else
            return m_parser.fail(value.line, QStringLiteral("policy must be \"read\", \"write\", "
                                                            "\"sudo\" or \"deny\""));
        return true;
    }

    bool wrappingTtl(const Value& value, const QString& key)
    {
        const bool ok = value.kind == Value::Kind::String
                            ? parseDuration(QStringView(value.text)).ok()
                            : value.kind == Value::Kind::Number &&
                                  parseDuration(QJsonValue(value.text.toDouble())).ok();
        if (!ok)
            return m_parser.fail(value.line,
                                 QStringLiteral("%1 must be a duration such as \"5m\" or "
                                                "a number of seconds")
                                     .arg(key));
        return true;
    }

    bool addRule(QString path, const Value& block, int line)
    {
        if (path.startsWith(u'/'))
            path.remove(0, 1); // Vault's paths start after the API's "/v1/"
        if (!checkPath(path, line))
            return false;

        Capabilities capabilities;
        for (const Item& member : block.members) {
            const QString& key = member.keys.constFirst();
            if (member.keys.size() != 1)
                return m_parser.fail(member.line,
                                     QStringLiteral("unexpected block \"%1\" in a path "
                                                    "block")
                                         .arg(key.left(64)));
            if (key == u"capabilities") {
                if (!capabilitiesFrom(member.value, capabilities))
                    return false;
            } else if (key == u"policy") {
                if (!legacyPolicy(member.value, capabilities))
                    return false;
            } else if (key == u"min_wrapping_ttl" || key == u"max_wrapping_ttl") {
                // Not enforced (there is no response wrapping), but checked as Vault does.
                if (!wrappingTtl(member.value, key))
                    return false;
            } else if (!isIgnoredVaultKey(key)) {
                return m_parser.fail(member.line, QStringLiteral("unknown key \"%1\" in the block "
                                                                 "of \"%2\"")
                                                      .arg(key.left(64), path.left(128)));
            }
        }
        if (capabilities.testFlag(Capability::Deny))
            capabilities = Capability::Deny;

        for (PathRule& rule : m_rules) {
            if (rule.path == path) {
                rule.capabilities = merged(rule.capabilities, capabilities);
                return true;
            }
        }
        m_rules.append(PathRule{path, capabilities});
        return true;
    }

    static Capabilities merged(Capabilities a, Capabilities b)
    {
        if (a.testFlag(Capability::Deny) || b.testFlag(Capability::Deny))
            return Capability::Deny;
        return a | b;
    }

    static bool isIgnoredVaultKey(const QString& key)
    {
        static const QStringList keys{
            QStringLiteral("comment"),           QStringLiteral("allowed_parameters"),
            QStringLiteral("denied_parameters"), QStringLiteral("required_parameters"),
            QStringLiteral("mfa_methods"),       QStringLiteral("control_group"),
        };
        return keys.contains(key);
    }

    Parser& m_parser;
    QList<PathRule> m_rules;
};

} // namespace

Result<Policy> PolicyParser::parse(const QString& name, QStringView text)
{
    TESSERA_TRY(Policy::checkName(name));
    if (text.size() > kMaxDocumentSize)
        return Error::invalid(QStringLiteral("The policy is too large (at most %1 KiB).")
                                  .arg(kMaxDocumentSize / 1024));

    Parser parser(text);
    const std::optional<std::vector<Item>> items = parser.parseDocument();
    if (!items)
        return parser.error();

    PolicyBuilder builder(parser);
    for (const Item& item : *items) {
        if (!builder.addTopLevel(item))
            return parser.error();
    }
    return Policy{name.toLower(), builder.takeRules()};
}

} // namespace tessera::engine
