#pragma once

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <vector>

namespace maillage {

// One record of a CSV file. `line` is the physical line (1-based) on which the record
// starts: a quoted field may span several lines, and messages must point where a user's
// editor shows the row.
struct CsvRecord {
    int line = 0;
    QStringList fields;

    // The field at `column`, or an empty string when the row is shorter.
    QString value(int column) const { return column >= 0 && column < fields.size() ? fields[column] : QString(); }
};

// A whole CSV file read into memory (the files we import are at most a few MB).
//
// Dialect handled: RFC 4180 quoting (quoted fields with delimiters, doubled quotes and line
// breaks inside), CRLF / LF / CR line ends, a UTF-8 byte-order mark, a '#' before the first
// header name (La Poste files), blank lines (skipped).
// The delimiter is ',', ';' or tab; when not given it is the one found most often in the
// header line outside quotes.
// Encoding: UTF-8. Windows-1252 only when the file holds no valid UTF-8 sequence at all (then
// said in notes()); a file mixing UTF-8 and other bytes is refused, naming the line.
class CsvTable {
public:
    // No field of the files we read comes near this; a longer one is an error (a wrong file),
    // not a value stored and printed as is.
    static constexpr qsizetype kMaxFieldLength = 10'000;

    // Throws Error naming the file when it cannot be read, is empty, or ends inside a
    // quoted field (naming the line where that field starts), holds a NUL byte, mixes UTF-8
    // with other bytes (naming the line), or has a field longer than kMaxFieldLength.
    static CsvTable readFile(const QString& path, char delimiter = 0);
    // Same, from text already in memory; `file` only names the source in messages.
    static CsvTable parse(const QString& text, const QString& file, char delimiter = 0);

    const QString& file() const { return file_; }
    char delimiter() const { return delimiter_; }
    const QStringList& header() const { return header_; }
    const std::vector<CsvRecord>& records() const { return records_; }
    int headerLine() const { return headerLine_; }
    // What the reader assumed and the user should know, e.g. the file read as Windows-1252.
    const QStringList& notes() const { return notes_; }

    // Index of the column with this name (exact match first, then ignoring case and
    // surrounding spaces), or -1.
    int column(const QString& name) const;
    // Same, but throws Error naming the file, the missing column and the columns present.
    int requireColumn(const QString& name) const;
    // The indexes of `names`, in order. Throws one Error naming the file, every missing column
    // and the columns present, so that a file lacking several is mended in one go.
    std::vector<int> requireColumns(const QStringList& names) const;
    // The same for a reader's fixed columns, each name (UTF-8) beside the variable that gets its
    // index: `int insee = 0, name = 0; table.requireColumns({{"insee_com", insee}, {"nom", name}});`
    struct RequiredColumn {
        const char* name;
        int& index;
    };
    void requireColumns(std::initializer_list<RequiredColumn> columns) const
    {
        requireColumns(std::vector<RequiredColumn>(columns));
    }
    void requireColumns(const std::vector<RequiredColumn>& columns) const;

private:
    QString file_;
    char delimiter_ = ',';
    QStringList header_;
    int headerLine_ = 1;
    std::vector<CsvRecord> records_;
    QStringList notes_;
};

// The delimiter used most often outside quotes in the first line of `text` (',' when none).
char guessCsvDelimiter(const QString& text);

}  // namespace maillage
