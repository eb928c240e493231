#include "io/csv_table.h"

#include "common/error.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace maillage {
namespace {

constexpr QChar kQuote = u'"';

bool isLineEnd(QChar c) { return c == u'\n' || c == u'\r'; }

// Where a byte offset is, as the line number an editor shows.
int lineAt(const QByteArray& bytes, qsizetype offset)
{
    const QByteArrayView before(bytes.constData(), offset);
    const qsizetype newlines = before.count('\n');
    return int(1 + (newlines > 0 || bytes.contains('\n') ? newlines : before.count('\r')));
}

// Length of the valid UTF-8 sequence starting at `i` (1 for ASCII), or 0 when it is invalid.
int utf8SequenceLength(const QByteArray& bytes, qsizetype i)
{
    const auto byte = [&](qsizetype k) { return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u; };
    const unsigned lead = byte(i);
    if (lead < 0x80) return 1;
    int length = 0;
    unsigned low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // no overlong form
        if (lead == 0xED) high = 0x9F;  // no UTF-16 surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (int k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

// The file's text. UTF-8 is expected; a file without a single valid UTF-8 accented letter
// but with bytes that are not UTF-8 is clearly a Windows-1252 file (what French spreadsheets
// save) and is read as such, with a note. A file that mixes both gets an error naming the line
// of the first bad byte: decoding all of it one way would mangle the other part silently.
QString decodeFileText(const QByteArray& bytes, const QString& path, QStringList& notes)
{
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        throw Error(QStringLiteral("%1, line %2: a NUL byte: this is not a text file, or it is UTF-16; save it as CSV "
                                   "in UTF-8")
                        .arg(path)
                        .arg(lineAt(bytes, nul)));
    qsizetype firstInvalid = -1;
    qsizetype validMultibyte = 0;
    for (qsizetype i = 0; i < bytes.size();) {
        const int length = utf8SequenceLength(bytes, i);
        if (length == 0) {
            if (firstInvalid < 0) firstInvalid = i;
            ++i;
            continue;
        }
        if (length > 1) ++validMultibyte;
        i += length;
    }
    if (firstInvalid < 0) return QString::fromUtf8(bytes);
    const QString where = QStringLiteral("%1, line %2").arg(path).arg(lineAt(bytes, firstInvalid));
    const QString byteText =
        QStringLiteral("0x%1").arg(static_cast<unsigned char>(bytes[firstInvalid]), 2, 16, QLatin1Char('0'));
    if (validMultibyte > 0)
        throw Error(QStringLiteral("%1: byte %2 is not UTF-8, while the rest of the file is; save the file in UTF-8 "
                                   "(the text was not imported, to keep names from being mangled)")
                        .arg(where, byteText));
    QStringDecoder cp1252("windows-1252");
    notes << QStringLiteral("%1 is not UTF-8 (first at line %2, byte %3): read as Windows-1252")
                 .arg(path)
                 .arg(lineAt(bytes, firstInvalid))
                 .arg(byteText);
    return cp1252.isValid() ? cp1252(bytes) : QString::fromLatin1(bytes);
}

QString tooLong(const QString& file, int line, qsizetype length)
{
    return QStringLiteral("%1, line %2: a field of %3 characters, more than the %4 accepted; is this the right file?")
        .arg(file)
        .arg(line)
        .arg(length)
        .arg(CsvTable::kMaxFieldLength);
}

// Splits the text into records. Knows nothing of headers; tracks physical line numbers.
class RecordParser {
public:
    RecordParser(QStringView text, QChar delimiter, const QString& file) : text_(text), delimiter_(delimiter), file_(file) {}

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
    QChar peek(qsizetype offset = 0) const { return pos_ + offset < text_.size() ? text_[pos_ + offset] : QChar(); }
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
        if (pos_ - start > CsvTable::kMaxFieldLength) throw Error(tooLong(file_, line_, pos_ - start));
        return text_.mid(start, pos_ - start).toString();
    }

    QString parseQuotedField()
    {
        const int startLine = line_;
        ++pos_;  // opening quote
        QString field;
        while (true) {
            if (atEnd())
                throw Error(
                    QStringLiteral("%1, line %2: a quoted field is never closed (missing \")").arg(file_).arg(startLine));
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
            if (field.size() > CsvTable::kMaxFieldLength) throw Error(tooLong(file_, startLine, field.size()));
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

// The header's names for a message: a few dozen, each cut short, never a whole wild line.
QString describeColumns(const QStringList& header)
{
    constexpr int kNamesShown = 30;
    constexpr int kNameLength = 40;
    QStringList names;
    for (int i = 0; i < header.size() && i < kNamesShown; ++i)
        names << (header[i].size() > kNameLength ? header[i].left(kNameLength) + QStringLiteral("…") : header[i]);
    if (header.size() > kNamesShown) names << QStringLiteral("… %1 more").arg(header.size() - kNamesShown);
    return names.join(QStringLiteral(", "));
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
    if (!file.exists()) throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    if (QFileInfo(path).isDir()) throw Error(QStringLiteral("cannot read %1: it is a folder, not a file").arg(path));
    if (!file.open(QIODevice::ReadOnly)) throw Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QStringList notes;
    const QString text = decodeFileText(file.readAll(), path, notes);
    CsvTable table = parse(text, path, delimiter);
    table.notes_ = notes;
    return table;
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
    if (records.empty()) throw Error(QStringLiteral("%1 is empty: no header line").arg(file));

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

int CsvTable::requireColumn(const QString& name) const { return requireColumns(QStringList{name}).front(); }

void CsvTable::requireColumns(const std::vector<RequiredColumn>& columns) const
{
    QStringList names;
    for (const RequiredColumn& column : columns) names << QString::fromUtf8(column.name);
    const std::vector<int> indexes = requireColumns(names);
    std::size_t i = 0;
    for (const RequiredColumn& column : columns) column.index = indexes[i++];
}

std::vector<int> CsvTable::requireColumns(const QStringList& names) const
{
    std::vector<int> indexes;
    QStringList missing;
    for (const QString& name : names) {
        indexes.push_back(column(name));
        if (indexes.back() < 0) missing << QStringLiteral("\"%1\"").arg(name);
    }
    if (missing.isEmpty()) return indexes;
    throw Error(QStringLiteral("%1: missing %2 %3 in the header (line %4, delimiter %5; columns: %6)")
                    .arg(file_, missing.size() == 1 ? QStringLiteral("column") : QStringLiteral("columns"),
                         missing.join(QStringLiteral(", ")))
                    .arg(headerLine_)
                    .arg(describeDelimiter(delimiter_), describeColumns(header_)));
}

}  // namespace maillage
