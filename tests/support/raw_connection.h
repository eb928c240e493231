#pragma once

// A plain Qt Sql connection to a project file, as another program would hold one: the tests
// read and change the file behind the store's back with it.

#include <catch2/catch.hpp>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace maillage::test {

class RawConnection {
public:
    explicit RawConnection(const QString& path) : name_(QStringLiteral("raw-%1").arg(++counter_))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        db.setDatabaseName(path);
        REQUIRE(db.open());
    }
    ~RawConnection()
    {
        QSqlDatabase::database(name_, false).close();
        QSqlDatabase::removeDatabase(name_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void exec(const QString& sql)
    {
        QSqlQuery query(database());
        INFO(sql.toStdString());
        const bool ok = query.exec(sql);
        INFO(query.lastError().text().toStdString());
        REQUIRE(ok);
    }
    // The first column of the first row.
    QVariant value(const QString& sql)
    {
        QSqlQuery query(database());
        INFO(sql.toStdString());
        REQUIRE(query.exec(sql));
        REQUIRE(query.next());
        return query.value(0);
    }
    // The first column of every row.
    QStringList column(const QString& sql)
    {
        QSqlQuery query(database());
        REQUIRE(query.exec(sql));
        QStringList values;
        while (query.next()) values << query.value(0).toString();
        return values;
    }
    QSqlDatabase database() const { return QSqlDatabase::database(name_, false); }

private:
    static inline int counter_ = 0;
    QString name_;
};

}  // namespace maillage::test
