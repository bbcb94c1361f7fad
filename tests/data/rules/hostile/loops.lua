-- Hostile rules: each must become a rule error, never a hang or a crash.
rule {
  id = "infinite-loop", title = "Loops forever", severity = "low", weight = 0.1,
  check = function(doc, report) while true do end end,
}

rule {
  id = "pcall-swallow", title = "Tries to swallow the budget error", severity = "low", weight = 0.1,
  check = function(doc, report)
    for _ = 1, 1000 do
      pcall(function() while true do end end)
    end
    report { at = { 0, 1 }, message = "should never get here" }
  end,
}

rule {
  id = "memory-bomb", title = "Allocates without end", severity = "low", weight = 0.1,
  check = function(doc, report)
    local t = {}
    local s = string.rep("x", 1024 * 1024)
    for i = 1, 1e9 do t[i] = s .. i end
  end,
}

rule {
  id = "escape-attempts", title = "Reaches for forbidden globals", severity = "low", weight = 0.1,
  check = function(doc, report)
    local found = {}
    for _, name in ipairs { "io", "debug", "package", "load", "loadstring", "dofile",
                            "loadfile", "collectgarbage" } do
      if _ENV[name] ~= nil then found[#found + 1] = name end
    end
    if os.execute or os.remove or os.getenv then found[#found + 1] = "os.*" end
    if string.dump or ("").dump then found[#found + 1] = "string.dump" end
    if #found > 0 then error("sandbox leak: " .. table.concat(found, ",")) end
    report { at = { 0, 1 }, message = "sandbox intact" }
  end,
}

rule {
  id = "works-after", title = "A good rule after the bad ones", severity = "info", weight = 0.5,
  check = function(doc, report)
    for _, s in ipairs(doc:sentences()) do report { at = s, message = "sentence" } end
  end,
}
