// What bench/test-cost.js and bench/planted-defects.js share: their options, git in this
// checkout, and another commit's checkout beside it to run its suite.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const REPO = path.resolve(__dirname, "..");

/** `--name=value` from the command line, else the environment variable `env`, else `fallback`. */
function option(name, env, fallback) {
  const flag = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : (process.env[env] ?? fallback);
}

/** git in this checkout; its output, trimmed. */
const git = (...args) => execFileSync("git", args, { cwd: REPO, encoding: "utf8" }).trim();

/** A checkout of `ref` in a temporary folder (a `git worktree`), sharing this checkout's node_modules; end it with removeWorktree. */
function worktreeOf(ref) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-suite-"));
  git("worktree", "add", "--detach", dir, ref);
  try {
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  } catch (error) {
    removeWorktree(dir);
    throw error;
  }
  return dir;
}

function removeWorktree(dir) {
  git("worktree", "remove", "--force", dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { REPO, option, git, worktreeOf, removeWorktree };
