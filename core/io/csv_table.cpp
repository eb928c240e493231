#include "io/csv_table.h"

#include "common/error.h"

#include <QFile>
#include <QStringDecoder>

namespace maillage {
namespace {

constexpr QChar kQuote = u'"';

bool isLineEnd(QChar c) { return c == u'\n' || c == u'\r'; }

QString decodeFileText(const QByteArray& bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(bytes);
    if (!utf8.hasError()) return text;
    // Not UTF-8: French spreadsheets save in Windows-1252 (a superset of Latin-1).
    QStringDecoder cp1252("windows-1252");
    if (cp1252.isValid()) return cp1252(bytes);
    return QString::fromLatin1(bytes);
}

// Splits the text into records. Knows nothing of headers; tracks physical line numbers.
class RecordParser {
public:
    RecordParser(QStringView text, QChar delimiter, const QString& file)
        : text_(text), delimiter_(delimiter), file_(file) {}

    std::vector<CsvRecord> parseAll()
    {
        std::vector<CsvRecord> records;
        while (pos_ < text_.size()) {
            CsvRecord record = parseRecord();
            const bool blank = record.fields.size() == 1 && record.fields.front().trimmed().isEmpty();
            if (!blank) records.push_back(std::move(record));
        }
        return records;
    }

private:
    QChar peek(qsizetype offset = 0) const
    {
        return pos_ + offset < text_.size() ? text_[pos_ + offset] : QChar();
    }
    bool atEnd() const { return pos_ >= text_.size(); }

    // Consumes "\r\n", "\n" or "\r" at the current position.
    void consumeLineEnd()
    {
        if (peek() == u'\r' && peek(1) == u'\n') ++pos_;
        ++pos_;
        ++line_;
    }

    CsvRecord parseRecord()
    {
        CsvRecord record;
        record.line = line_;
        while (true) {
            record.fields << (peek() == kQuote ? parseQuotedField() : parsePlainField());
            if (atEnd()) break;
            if (peek() == delimiter_) {
                ++pos_;
                continue;
            }
            consumeLineEnd();  // only a line end can stop a field otherwise
            break;
        }
        return record;
    }

    QString parsePlainField()
    {
        const qsizetype start = pos_;
        while (!atEnd() && peek() != delimiter_ && !isLineEnd(peek())) ++pos_;
        return text_.mid(start, pos_ - start).toString();
    }

    QString parseQuotedField()
    {
        const int startLine = line_;
        ++pos_;  // opening quote
        QString field;
        while (true) {
            if (atEnd())
                throw Error(QStringLiteral("%1, line %2: a quoted field is never closed (missing \")")
                                .arg(file_).arg(startLine));
            const QChar c = peek();
            if (c == kQuote) {
                if (peek(1) == kQuote) {  // doubled quote = one literal quote
                    field += kQuote;
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (isLineEnd(c)) {
                consumeLineEnd();
                field += u'\n';
                continue;
            }
            field += c;
            ++pos_;
        }
        // Be lenient with text after the closing quote ("a"b): keep it rather than fail.
        while (!atEnd() && peek() != delimiter_ && !isLineEnd(peek())) field += text_[pos_++];
        return field;
    }

    QStringView text_;
    QChar delimiter_;
    QString file_;
    qsizetype pos_ = 0;
    int line_ = 1;
};

QString describeDelimiter(char delimiter)
{
    return delimiter == '\t' ? QStringLiteral("tab") : QStringLiteral("\"%1\"").arg(QChar::fromLatin1(delimiter));
}

}  // namespace

char guessCsvDelimiter(const QString& text)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool inQuotes = false;
    for (const QChar c : text) {
        if (c == kQuote) inQuotes = !inQuotes;
        else if (!inQuotes && isLineEnd(c)) break;
        else if (!inQuotes && c == u',') ++commas;
        else if (!inQuotes && c == u';') ++semicolons;
        else if (!inQuotes && c == u'\t') ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

CsvTable CsvTable::readFile(const QString& path, char delimiter)
{
    QFile file(path);
    if (!file.exists())
        throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return parse(decodeFileText(file.readAll()), path, delimiter);
}

CsvTable CsvTable::parse(const QString& input, const QString& file, char delimiter)
{
    QStringView text = input;
    if (text.startsWith(QChar(0xFEFF))) text = text.mid(1);  // UTF-8 byte-order mark

    CsvTable table;
    table.file_ = file;
    // Guess from the first non-blank line, the header.
    qsizetype firstContent = 0;
    while (firstContent < text.size() && text[firstContent].isSpace()) ++firstContent;
    table.delimiter_ = delimiter ? delimiter : guessCsvDelimiter(text.mid(firstContent).toString());

    std::vector<CsvRecord> records = RecordParser(text, QChar::fromLatin1(table.delimiter_), file).parseAll();
    if (records.empty())
        throw Error(QStringLiteral("%1 is empty: no header line").arg(file));

    CsvRecord& header = records.front();
    table.headerLine_ = header.line;
    for (QString& name : header.fields) name = name.trimmed();
    // La Poste writes its header as "#Identifiant_du_site;..." (a comment-style marker).
    if (header.fields.front().startsWith(u'#')) header.fields.front() = header.fields.front().mid(1).trimmed();
    table.header_ = header.fields;
    table.records_.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

int CsvTable::column(const QString& name) const
{
    const int exact = static_cast<int>(header_.indexOf(name));
    if (exact >= 0) return exact;
    QString wanted = name.trimmed();
    if (wanted.startsWith(u'#')) wanted = wanted.mid(1);  // the header's '#' marker was dropped
    for (int i = 0; i < header_.size(); ++i)
        if (header_[i].compare(wanted, Qt::CaseInsensitive) == 0) return i;
    return -1;
}

int CsvTable::requireColumn(const QString& name) const
{
    const int index = column(name);
    if (index >= 0) return index;
    throw Error(QStringLiteral("%1: missing column \"%2\" in the header (line %3, delimiter %4; columns: %5)")
                    .arg(file_, name)
                    .arg(headerLine_)
                    .arg(describeDelimiter(delimiter_), header_.join(QStringLiteral(", "))));
}

}  // namespace maillage
