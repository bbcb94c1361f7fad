require "os"; require "../../etc/passwd"; require "spindle.nope"; load("x=1")(); io.open("/etc/passwd")
