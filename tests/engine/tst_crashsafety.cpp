// Crash safety: a worker process (crashworker.cpp) creates and revokes tokens
// and acknowledges each committed operation on stdout; the test kills it with
// SIGKILL at random moments, then reopens the store and checks that every
// acknowledgement still holds, that the audit chain verifies and that the
// store passes its integrity check.
#include "audit/VerifyReport.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

// What the worker has promised so far, across all its runs.
struct Promises
{
    QHash<QString, QString> parentOf; // every acknowledged creation
    QSet<QString> revoked;            // acknowledged revocations
    QSet<QString> uncertain;          // an unfinished revoke's target and subtree

    // Reads one run's output; a last line cut off by the kill is ignored.
    void read(const QByteArray& output)
    {
        QList<QByteArray> lines = output.split('\n');
        lines.removeLast(); // empty after a complete last line, partial otherwise
        QString pending;    // the revoke whose "done" has not come yet
        bool orphaning = false;
        QStringList pendingRevoked;
        for (const QByteArray& line : std::as_const(lines)) {
            const QList<QByteArray> words = line.split(' ');
            const QString word = QString::fromLatin1(words.value(0));
            const QString accessor = QString::fromLatin1(words.value(1));
            if (word == u"created") {
                const QString parent = QString::fromLatin1(words.value(2));
                parentOf.insert(accessor, parent == u"-" ? QString() : parent);
            } else if (word == u"revoking" || word == u"orphaning") {
                pending = accessor;
                orphaning = word == u"orphaning";
                pendingRevoked.clear();
            } else if (word == u"revoked") {
                revoked.insert(accessor);
                pendingRevoked << accessor;
            } else if (word == u"done") {
                if (orphaning) {
                    for (auto it = parentOf.begin(); it != parentOf.end(); ++it) {
                        if (it.value() == pending)
                            it.value().clear();
                    }
                }
                pending.clear();
            }
        }
        // Killed between intent and "done": the revoke may or may not have
        // committed, so neither the target nor (for a subtree revoke) anything
        // below it is promised to exist any more.
        if (!pending.isEmpty()) {
            uncertain.insert(pending);
            if (!orphaning)
                uncertain.unite(descendantsOf(pending));
        }
    }

    QSet<QString> descendantsOf(const QString& accessor) const
    {
        QHash<QString, QStringList> children;
        for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it)
            children[it.value()] << it.key();
        QSet<QString> found;
        QStringList queue = children.value(accessor);
        while (!queue.isEmpty()) {
            const QString next = queue.takeLast();
            if (!found.contains(next)) {
                found.insert(next);
                queue << children.value(next);
            }
        }
        return found;
    }

    // Created, never revoked, not caught in an unfinished revoke.
    QStringList mustExist() const
    {
        QStringList accessors;
        for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
            if (!revoked.contains(it.key()) && !uncertain.contains(it.key()))
                accessors << it.key();
        }
        return accessors;
    }
};

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWorkSurvivesSigkill();
};

void TestCrashSafety::acknowledgedWorkSurvivesSigkill()
{
    constexpr int kRuns = 24;
    QElapsedTimer elapsed;
    elapsed.start();
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    temp.close();

    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    Promises promises;
    int killedMidRevoke = 0;
    for (int run = 0; run < kRuns; ++run) {
        QProcess worker;
        worker.setProcessChannelMode(QProcess::SeparateChannels);
        worker.start(QString::fromUtf8(TESSERA_CRASHWORKER),
                     {temp.path(), QString::fromUtf8(TempEngine::kPassphrase),
                      QString::number(random.generate())});
        QVERIFY2(worker.waitForStarted(5000), qPrintable(worker.errorString()));
        QTest::qWait(random.bounded(50, 501));
        QVERIFY2(worker.state() == QProcess::Running,
                 qPrintable(u"the worker stopped by itself: "_s +
                            QString::fromLocal8Bit(worker.readAllStandardError())));
        worker.kill(); // SIGKILL
        QVERIFY(worker.waitForFinished(5000));
        QCOMPARE(worker.exitStatus(), QProcess::CrashExit);
        const qsizetype uncertainBefore = promises.uncertain.size();
        promises.read(worker.readAllStandardOutput());
        killedMidRevoke += promises.uncertain.size() > uncertainBefore;

        // The worker's tokens live a day of real time: check them at real time.
        temp.clock().setMs(QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(temp.reopen(), qPrintable(temp.errorMessage()));
        const Caller owner = TempEngine::owner();
        for (const QString& accessor : promises.mustExist()) {
            auto token = temp->tokens().lookup(owner, TokenRef::accessor(accessor));
            QVERIFY2(token,
                     qPrintable(u"run %1: acknowledged token %2 is missing: %3"_s.arg(run).arg(
                         accessor, errorText(token))));
        }
        for (const QString& accessor : std::as_const(promises.revoked)) {
            auto token = temp->tokens().lookup(owner, TokenRef::accessor(accessor));
            QVERIFY2(!token,
                     qPrintable(u"run %1: revoked token %2 is back"_s.arg(run).arg(accessor)));
        }
        auto report = temp->admin().verifyAudit();
        QVERIFY2(report, qPrintable(errorText(report)));
        QVERIFY2(report->intact, qPrintable(u"run %1: %2"_s.arg(run).arg(report->problem)));
        auto problems = temp->admin().checkStore(owner);
        QVERIFY2(problems, qPrintable(errorText(problems)));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
        temp.close();
    }
    qInfo("%d runs in %lld ms: %lld tokens created, %lld revoked, %d runs killed mid-revoke", kRuns,
          elapsed.elapsed(), qlonglong(promises.parentOf.size()),
          qlonglong(promises.revoked.size()), killedMidRevoke);
    // The runs did real work.
    QVERIFY(promises.parentOf.size() > kRuns);
    QVERIFY(!promises.revoked.isEmpty());
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
