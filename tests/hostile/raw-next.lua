-- expect: no way in: nothing but the module's own keys
-- A view keeps its target in a raw field whose key no Lua code can make.
-- The primitive next would list it (and hand over the writable target):
-- pairs() of a plain table returns next, so both pairs and next are the
-- engine's for rules, and list a view's target's keys instead.
local claims = require("spindle.claims")
local next_fn = pairs({})
local seen = {}
local k = next_fn(claims)
while k ~= nil do
  if type(k) ~= "string" then error("a raw key: " .. type(k)) end
  seen[#seen + 1] = k
  k = next_fn(claims, k)
end
local ok = rawget(claims, "money") == nil and #seen > 0
error("no way in: " .. (ok and "nothing but the module's own keys" or "something else"))
rule{ id = "hostile-raw-next", title = "t", severity = "low", weight = 0.5, check = function() end }
