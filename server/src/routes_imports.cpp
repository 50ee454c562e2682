// Imports over HTTP (issue 5): an upload becomes a job running ingest::run_import, the same
// pipeline as `riskatlas import`; clients poll its state, progress and report, and download the
// rejected rows as CSV.
#include "app.hpp"
#include "error_response.hpp"
#include "import_upload.hpp"
#include "params.hpp"
#include "static_files.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/ingest/import.hpp>
#include <riskatlas/ingest/kinds.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

namespace riskatlas::server {
namespace {

using nlohmann::json;

// Reports hold up to ingest's max_listed rejects each; older imports keep their state only.
constexpr std::size_t reports_kept = 20;

// What the job runner does not keep about an import: its upload, the rows read so far, and the
// report, which a rejected (failed) import still has.
struct import_state {
    std::string id;
    std::string request_id; ///< of the POST, to find its log lines
    std::string file;
    std::string kind;
    bool dry_run = false;
    bool accept_partial = false;

    mutable std::mutex mutex;
    std::string stage;
    std::int64_t rows = 0;
    std::optional<std::int64_t> total;
    std::optional<json> report;
    std::string rejects_csv;
};

class import_registry {
  public:
    void add(const std::shared_ptr<import_state>& st, const job_runner& jobs) {
        std::lock_guard lock(m_mutex);
        forget_gone(jobs);
        m_imports[std::stoull(st->id)] = st;
        std::size_t seen = 0;
        for (auto it = m_imports.rbegin(); it != m_imports.rend(); ++it)
            if (++seen > reports_kept) {
                std::lock_guard inner(it->second->mutex);
                it->second->report.reset();
                it->second->rejects_csv.clear();
            }
    }

    std::shared_ptr<import_state> find(const std::string& id) const {
        std::lock_guard lock(m_mutex);
        for (const auto& [key, st] : m_imports)
            if (st->id == id)
                return st;
        return nullptr;
    }

    /// Newest first.
    std::vector<std::shared_ptr<import_state>> newest_first(const job_runner& jobs) {
        std::lock_guard lock(m_mutex);
        forget_gone(jobs);
        std::vector<std::shared_ptr<import_state>> out;
        for (auto it = m_imports.rbegin(); it != m_imports.rend(); ++it)
            out.push_back(it->second);
        return out;
    }

  private:
    // The job runner keeps the last 100 finished jobs; imports it has dropped go here too.
    void forget_gone(const job_runner& jobs) {
        std::erase_if(m_imports, [&](const auto& entry) { return !jobs.status(entry.second->id); });
    }

    mutable std::mutex m_mutex;
    std::map<std::uint64_t, std::shared_ptr<import_state>> m_imports;
};

// 0..100: reading is most of the work (rows of total), then the merge; null while the driver
// cannot say how many rows there are.
json percent(const import_state& st, const job_status& job) {
    if (job.state == "succeeded")
        return 100;
    if (job.state == "queued")
        return 0;
    if (st.stage == "merging")
        return 95;
    if (st.stage == "done")
        return 99;
    if (st.total && *st.total > 0)
        return std::min<std::int64_t>(90, 90 * st.rows / *st.total);
    return st.rows == 0 ? json(0) : json(nullptr);
}

json summary(const json& report) {
    return {{"outcome", report.value("outcome", "")},
            {"counts", report.value("counts", json::object())}};
}

json import_json(const import_state& st, const job_status& job, bool full_report) {
    const auto self = "/api/imports/" + st.id;
    json out{{"id", st.id},
             {"kind", st.kind},
             {"file", st.file},
             {"dry_run", st.dry_run},
             {"accept_partial", st.accept_partial},
             {"state", job.state},
             {"created_at", job.created_at}};
    json links = json::array(
        {{{"rel", "self"}, {"href", self}, {"type", "application/json"}},
         {{"rel", "job"}, {"href", "/api/jobs/" + st.id}, {"type", "application/json"}}});
    std::lock_guard lock(st.mutex);
    out["stage"] = st.stage.empty() ? job.state : st.stage;
    out["progress"] = percent(st, job);
    out["rows"] = st.rows;
    out["total"] = st.total ? json(*st.total) : json(nullptr);
    if (!job.started_at.empty())
        out["started_at"] = job.started_at;
    if (!job.finished_at.empty())
        out["finished_at"] = job.finished_at;
    if (job.state == "failed")
        out["error"] = {{"error", job.error_code},
                        {"message", job.error_message},
                        {"request_id", st.request_id}};
    if (st.report) {
        out["report"] = full_report ? *st.report : summary(*st.report);
        links.push_back(
            {{"rel", "rejects"}, {"href", self + "/rejects.csv"}, {"type", "text/csv"}});
    }
    out["links"] = std::move(links);
    return out;
}

// ingest logs under the upload's name; this line ties its counts to the job and the request.
void log_import(const import_state& st, const ingest::import_report& r) {
    std::string id;
    {
        std::lock_guard lock(st.mutex);
        id = st.id;
    }
    spdlog::info("import id={} request_id={} file={} kind={} outcome={} rejected={}", id,
                 st.request_id, st.file, r.kind, r.outcome, r.counts.rejected);
}

// The job: run the pipeline, keep its report, and make our own tiles see a committed change at
// once. The upload directory goes with the closure, i.e. when the job is over.
job_runner::work_fn import_work(services& s, std::shared_ptr<import_state> st,
                                std::shared_ptr<upload_dir> dir, ingest::import_options options) {
    return [&s, st, dir, options](const job_runner::progress_fn& progress) -> json {
        const auto on_progress = [&](const ingest::import_progress& p) {
            job_status running;
            running.state = "running";
            json done;
            {
                std::lock_guard lock(st->mutex);
                st->stage = std::string(p.stage);
                st->rows = p.rows;
                st->total = p.total;
                done = percent(*st, running);
            }
            progress(p.stage, done.is_number() ? done.get<double>() / 100 : 0.0);
        };
        auto named = options;
        named.display_name = st->file; // not the private temporary path
        const auto report = ingest::run_import(s.db, named, on_progress);
        log_import(*st, report);
        auto report_json = ingest::to_json(report);
        {
            std::lock_guard lock(st->mutex);
            st->report = report_json;
            st->rejects_csv = ingest::rejects_csv(report);
        }
        if (report.outcome == "committed") {
            try {
                s.versions.refresh(s.db); // our next tile request sees the new layer versions
            } catch (const std::exception& e) {
                // committed all the same; the version watch catches up on its notification
                spdlog::warn("import committed but refreshing layer versions failed: {}", e.what());
            }
        }
        // A dry run that finds bad rows has done its job; an import that writes nothing has not.
        if (report.outcome == "rejected" && !options.dry_run)
            throw error("import_rejected",
                        std::to_string(report.counts.rejected) + " of " +
                            std::to_string(report.counts.read) +
                            " rows were rejected, so nothing was written (see the report; "
                            "accept_partial=true loads the valid rows)");
        return summary(report_json);
    };
}

http_response submit(services& s, import_registry& registry, const http_request& req) {
    import_upload upload;
    try {
        upload = parse_import_request(req);
    } catch (const unsupported_media_type& e) {
        return error_response(415, e.code(), e.what(), req.id);
    }
    auto dir = upload_dir::save(upload);
    upload.options.path = dir->file().string();
    auto st = std::make_shared<import_state>();
    st->request_id = req.id;
    st->file = upload.filename;
    st->kind = std::string(ingest::kind_name(upload.options.kind));
    st->dry_run = upload.options.dry_run;
    st->accept_partial = upload.options.accept_partial;
    spdlog::info("import queued request_id={} file={} kind={} bytes={} dry_run={}", req.id,
                 st->file, st->kind, upload.content.size(), st->dry_run);
    const auto id =
        s.jobs.submit_unique("import", import_work(s, st, std::move(dir), upload.options));
    {
        std::lock_guard lock(st->mutex); // the job may be running already
        st->id = id;
    }
    registry.add(st, s.jobs);
    const auto job = s.jobs.status(st->id);
    auto r = http_response::json(202, import_json(*st, job.value_or(job_status{}), false));
    r.with_header("Location", "/api/imports/" + st->id).with_header("Cache-Control", "no-store");
    return r;
}

std::pair<std::shared_ptr<import_state>, job_status> lookup(services& s, import_registry& registry,
                                                            const std::string& id) {
    auto st = registry.find(id);
    auto job = st ? s.jobs.status(id) : std::nullopt;
    if (!st || !job)
        throw not_found("import_not_found",
                        "no import " + id + " (finished imports are kept for the last 100 jobs)");
    return {std::move(st), std::move(*job)};
}

http_response show(services& s, import_registry& registry, const http_request& req) {
    reject_unknown_query(req.query, {});
    const auto [st, job] = lookup(s, registry, req.param(":id"));
    auto r = http_response::json(200, import_json(*st, job, true));
    r.with_header("Cache-Control", "no-store");
    return r;
}

http_response rejects(services& s, import_registry& registry, const http_request& req) {
    reject_unknown_query(req.query, {});
    const auto [st, job] = lookup(s, registry, req.param(":id"));
    std::lock_guard lock(st->mutex);
    if (!st->report)
        throw not_found(
            "no_report",
            "import " + st->id + " has no report" +
                (job.state == "failed" ? " (it failed before reading rows: " + job.error_code + ")"
                 : job.state == "queued" || job.state == "running" ? " yet (" + job.state + ")"
                                                                   : " any more"));
    auto r = http_response::text(200, st->rejects_csv, "text/csv; charset=utf-8");
    r.with_header("Content-Disposition",
                  "attachment; filename=\"import-" + st->id + "-rejects.csv\"")
        .with_header("Cache-Control", "no-store");
    return r;
}

http_response list(services& s, import_registry& registry, const http_request& req) {
    reject_unknown_query(req.query, {"limit"});
    const auto limit = parse_limit(req.query_value("limit"), 20, 100);
    auto out = json::array();
    for (const auto& st : registry.newest_first(s.jobs)) {
        if (out.size() == limit)
            break;
        if (const auto job = s.jobs.status(st->id))
            out.push_back(import_json(*st, *job, false));
    }
    auto r = http_response::json(200, {{"imports", out}});
    r.with_header("Cache-Control", "no-store");
    return r;
}

http_response kinds(const http_request& req) {
    reject_unknown_query(req.query, {});
    auto r = http_response::json(200, ingest::kinds_json());
    r.with_header("Cache-Control", "no-cache");
    return r;
}

} // namespace

std::vector<route> imports_routes(services& s) {
    // Shared by the handlers and by the jobs they start, which may outlive a request.
    auto registry = std::make_shared<import_registry>();
    return {
        {"POST", "/api/imports",
         [&s, registry](const http_request& r) { return submit(s, *registry, r); }},
        {"GET", "/api/imports",
         [&s, registry](const http_request& r) { return list(s, *registry, r); }},
        {"GET", "/api/imports/kinds", [](const http_request& r) { return kinds(r); }},
        {"GET", "/api/imports/:id",
         [&s, registry](const http_request& r) { return show(s, *registry, r); }},
        {"GET", "/api/imports/:id/rejects.csv",
         [&s, registry](const http_request& r) { return rejects(s, *registry, r); }},
        // the import page's short address, as /roads is the rural-roads page's
        {"GET", "/imports",
         [&s](const http_request&) {
             return serve_file(s.config.web_root, "imports.html", "no-cache");
         }},
    };
}

} // namespace riskatlas::server
