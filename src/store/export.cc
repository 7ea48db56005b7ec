// Store::Export: tables for pandas/R as CSV or JSONL. Span texts (quote content, cue, channel)
// are cut from articles.text in SQL on BLOB casts, because SQLite's substr() counts characters
// on TEXT but bytes on BLOB, and spans are byte offsets.
#include <cmath>
#include <cstdio>
#include <ostream>

#include "parallax/store.h"
#include "src/store/store_impl.h"
#include "src/store/text_io.h"

namespace parallax {
namespace {

// SQL for a span's text: bytes [start, end) of articles.text (alias a).
std::string SpanText(std::string_view start, std::string_view end) {
  return "CAST(substr(CAST(a.text AS BLOB), " + std::string(start) + " + 1, " + std::string(end) +
         " - " + std::string(start) + ") AS TEXT)";
}

void AppendValue(std::string* line, const store::Stmt& st, int i, ExportFormat format) {
  switch (sqlite3_column_type(st.get(), i)) {
    case SQLITE_NULL:
      if (format == ExportFormat::kJsonl) line->append("null");
      break;
    case SQLITE_INTEGER:
      line->append(std::to_string(st.Int(i)));
      break;
    case SQLITE_FLOAT: {
      double v = st.Double(i);
      if (!std::isfinite(v)) {
        line->append(format == ExportFormat::kJsonl ? "null" : "");
        break;
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", v);
      line->append(buf);
      break;
    }
    default:
      if (format == ExportFormat::kJsonl) {
        store::AppendJsonString(line, st.Text(i));
      } else {
        store::AppendCsvField(line, st.Text(i));
      }
  }
}

}  // namespace

Result<size_t> Store::Export(ExportKind kind, ExportFormat format, const ArticleFilter& filter,
                             std::ostream& out) {
  PARALLAX_ASSIGN_OR_RETURN(SqlWhere where, impl_->ArticleWhere(filter));
  const std::string joins =
      " LEFT JOIN outlets o ON o.id = a.outlet_id"
      " LEFT JOIN story_members m ON m.article_id = a.id"
      " LEFT JOIN duplicates d ON d.article_id = a.id";
  std::string limit;
  if (filter.limit > 0) {
    limit = " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
  }
  std::string sql;
  std::vector<SqlValue> params = where.params;
  switch (kind) {
    case ExportKind::kArticles:
      sql =
          "SELECT a.id, a.source, COALESCE(o.name, a.outlet) AS outlet, a.published, "
          "a.language, a.url, a.headline, m.story_id AS story, d.duplicate_of, "
          "d.kind AS duplicate_kind FROM articles a" +
          joins + where.sql + " ORDER BY a.ingest_seq" + limit;
      break;
    case ExportKind::kQuotes:
      sql =
          "SELECT a.id AS article_id, COALESCE(o.name, a.outlet) AS outlet, a.published, q.idx, "
          "q.direct, q.speaker_name, q.speaker_entity, e.key AS speaker_key, " +
          SpanText("q.cue_start", "q.cue_end") + " AS cue, " +
          SpanText("q.channel_start", "q.channel_end") + " AS channel, " +
          SpanText("q.content_start", "q.content_end") +
          " AS content FROM (SELECT a.* FROM articles a" + joins + where.sql +
          " ORDER BY a.ingest_seq" + limit +
          ") a JOIN quotes q ON q.article_seq = a.ingest_seq "
          "LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN entities e ON "
          "e.article_seq = q.article_seq AND e.entity_id = q.speaker_entity "
          "ORDER BY a.ingest_seq, q.idx";
      break;
    case ExportKind::kEntities:
      sql =
          "SELECT a.id AS article_id, COALESCE(o.name, a.outlet) AS outlet, a.published, "
          "e.entity_id, e.name, e.type, e.key, e.roles, (SELECT count(*) FROM mentions mm "
          "WHERE mm.article_seq = e.article_seq AND mm.entity_id = e.entity_id) AS mentions "
          "FROM (SELECT a.ingest_seq, a.id, a.outlet, a.outlet_id, a.published FROM articles a" +
          joins + where.sql + " ORDER BY a.ingest_seq" + limit +
          ") a JOIN entities e ON e.article_seq = a.ingest_seq "
          "LEFT JOIN outlets o ON o.id = a.outlet_id "
          "ORDER BY a.ingest_seq, e.idx";
      break;
    case ExportKind::kStories: {
      // Stories of the selected articles; a story's outlets are those of all its members.
      sql =
          "SELECT s.id, s.label, s.first, s.last, s.article_count, "
          "(SELECT group_concat(name, '; ') FROM (SELECT DISTINCT COALESCE(o2.name, a2.outlet) "
          "AS name FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id LEFT JOIN "
          "outlets o2 ON o2.id = a2.outlet_id WHERE m2.story_id = s.id ORDER BY 1)) AS outlets "
          "FROM stories s WHERE ";
      if (where.sql.empty()) {
        sql += "1";
      } else {
        sql += "s.id IN (SELECT m.story_id FROM articles a" + joins + where.sql +
               " AND m.story_id IS NOT NULL)";
      }
      sql += " ORDER BY s.first IS NULL, s.first, s.id";
      if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
      break;
    }
  }
  PARALLAX_ASSIGN_OR_RETURN(store::Stmt st, impl_->db.Prepare(sql));
  BindAll(st, params);
  const int columns = st.ColumnCount();
  std::vector<std::string> names;
  for (int i = 0; i < columns; ++i) names.emplace_back(sqlite3_column_name(st.get(), i));
  std::string line;
  if (format == ExportFormat::kCsv) {
    for (int i = 0; i < columns; ++i) {
      if (i > 0) line.push_back(',');
      store::AppendCsvField(&line, names[i]);
    }
    line.append("\r\n");
    out << line;
  }
  size_t rows = 0;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    line.clear();
    if (format == ExportFormat::kJsonl) line.push_back('{');
    for (int i = 0; i < columns; ++i) {
      if (i > 0) line.push_back(',');
      if (format == ExportFormat::kJsonl) {
        store::AppendJsonString(&line, names[i]);
        line.push_back(':');
      }
      AppendValue(&line, st, i, format);
    }
    line.append(format == ExportFormat::kJsonl ? "}\n" : "\r\n");
    out << line;
    ++rows;
  }
  if (!out) return Status::IoError("export: write failed");
  return rows;
}

}  // namespace parallax
