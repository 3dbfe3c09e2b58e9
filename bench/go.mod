module swn.local/bench

go 1.26
