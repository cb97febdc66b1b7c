-- A scripted Neovim session against "nginx-wslint lsp", as a new user sets
-- it up (vim.lsp.start_client, Neovim 0.7 and later). The test
-- (nvim_test.go) runs it headless and reads what it writes to $OUT.
local root, bin, out = os.getenv("WS"), os.getenv("BIN"), os.getenv("OUT")
local lines = {}
local function say(s) table.insert(lines, s) end
local function finish()
  local f = assert(io.open(out, "w"))
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd("qa!")
end

vim.cmd("edit " .. root .. "/conf.d/chat.conf")
local id = vim.lsp.start_client({ name = "nginx-wslint", cmd = { bin, "lsp" }, root_dir = root })
vim.lsp.buf_attach_client(0, id)

local function diags()
  local ds = vim.diagnostic.get(0)
  table.sort(ds, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return tostring(a.code or "") < tostring(b.code or "")
  end)
  return ds
end
local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "-"
end

if not vim.wait(15000, function() return #diags() >= 2 end, 20) then
  say("timeout waiting for diagnostics")
  return finish()
end
for _, d in ipairs(diags()) do
  say(string.format("diagnostic %d:%d severity=%d %s", d.lnum + 1, d.col + 1, d.severity, code(d)))
end

local res = vim.lsp.buf_request_sync(0, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = 9, character = 15 },
}, 10000)
for _, r in pairs(res or {}) do
  if r.result then
    local first = vim.split(r.result.contents.value, "\n")[1]
    say("hover " .. first)
  end
end

local acts = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 9, character = 0 }, ["end"] = { line = 9, character = 0 } },
  context = { diagnostics = {} },
}, 10000)
for _, r in pairs(acts or {}) do
  for _, a in ipairs(r.result or {}) do say("action " .. a.title) end
end

local defs = vim.lsp.buf_request_sync(0, "textDocument/definition", {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = 10, character = 30 },
}, 10000)
for _, r in pairs(defs or {}) do
  for _, l in ipairs(r.result or {}) do
    say(string.format("definition %s:%d:%d", vim.fn.fnamemodify(vim.uri_to_fname(l.uri), ":t"), l.range.start.line + 1, l.range.start.character + 1))
  end
end

-- An unsaved edit: the two headers the location lacks.
vim.api.nvim_buf_set_lines(0, 11, 11, false, {
  "        proxy_set_header Upgrade $http_upgrade;",
  "        proxy_set_header Connection $connection_upgrade;",
})
if vim.wait(15000, function() return #diags() == 0 end, 20) then
  say("after edit: no diagnostics")
else
  say("after edit: still " .. #diags())
end
say("modified " .. tostring(vim.bo.modified))

vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
say("stopped")
finish()
