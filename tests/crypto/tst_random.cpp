#include "crypto/Random.h"

#include <QSet>
#include <QTest>
#include <array>
#include <sys/wait.h>
#include <unistd.h>

using namespace tessera::crypto;

class TestRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomBytesHasRequestedLengthAndVaries()
    {
        const QByteArray first = randomBytes(32);
        const QByteArray second = randomBytes(32);
        QCOMPARE(first.size(), 32);
        QCOMPARE(second.size(), 32);
        QVERIFY(first != second);
        QVERIFY(first != QByteArray(32, '\0'));
    }

    void nonPositiveCountsGiveEmptyResults()
    {
        QVERIFY(randomBytes(0).isEmpty());
        QVERIFY(randomBytes(-5).isEmpty());
        QVERIFY(randomBase62(0).isEmpty());
        QVERIFY(randomBase62(-1).isEmpty());
    }

    void randomBase62UsesOnlyAlphabetAndVaries()
    {
        QSet<QString> seen;
        for (int i = 0; i < 100; ++i) {
            const QString text = randomBase62(27);
            QCOMPARE(text.size(), 27);
            for (const QChar c : text)
                QVERIFY2(c.isDigit() || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z'),
                         qPrintable(text));
            seen.insert(text);
        }
        QCOMPARE(seen.size(), 100);
    }

    void randomBase62LongerThanOneRefillIsComplete()
    {
        // Longer than the internal pool of random bytes, so several refills are needed.
        QCOMPARE(randomBase62(1000).size(), 1000);
    }

    void forkedChildDrawsOtherCharactersThanItsParent()
    {
        // The per-thread pool is full after this draw: without the fork
        // handler, parent and child would hand out the same next characters.
        QCOMPARE(randomBase62(32).size(), 32);
        int channel[2];
        QCOMPARE(::pipe(channel), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const QByteArray drawn = randomBase62(64).toLatin1();
            const bool written = ::write(channel[1], drawn.constData(), size_t(drawn.size())) ==
                                 ssize_t(drawn.size());
            ::_exit(written ? 0 : 1);
        }
        ::close(channel[1]);
        const QByteArray ours = randomBase62(64).toLatin1();
        QByteArray theirs(64, '\0');
        qsizetype got = 0;
        while (got < theirs.size()) {
            const ssize_t n = ::read(channel[0], theirs.data() + got, size_t(theirs.size() - got));
            if (n <= 0)
                break;
            got += n;
        }
        ::close(channel[0]);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QCOMPARE(got, qsizetype(64));
        QVERIFY2(ours != theirs, ours.constData());
    }

    void randomBase62CharactersAreUniform()
    {
        // 620k characters, 10k expected per symbol. Modulo bias (256 % 62) without rejection
        // would give the first 8 symbols ~+20% (about 12.1k): far outside this band.
        // Chi-square with 61 degrees of freedom: p < 1e-6 above ~130.
        const QString text = randomBase62(620'000);
        std::array<int, 128> counts{};
        for (const QChar c : text)
            ++counts[c.unicode()];
        const double expected = double(text.size()) / 62.0;
        double chiSquare = 0;
        for (const int count : counts) {
            if (count == 0)
                continue;
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        const auto used = std::count_if(counts.begin(), counts.end(), [](int n) { return n > 0; });
        QCOMPARE(used, 62);
        QVERIFY2(chiSquare < 130, qPrintable(QString::number(chiSquare)));
    }
};

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
