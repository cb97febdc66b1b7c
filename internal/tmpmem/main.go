package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

func live(stage string) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%-8s live %6.1f MiB  total alloc %6.1f MiB  sys %6.1f MiB\n", stage, float64(ms.HeapAlloc)/(1<<20), float64(ms.TotalAlloc)/(1<<20), float64(ms.Sys)/(1<<20))
}

func main() {
	live("start")
	cfg, err := parser.ParseFile(os.Args[1], parser.Options{})
	if err != nil {
		panic(err)
	}
	live("parse")
	m := model.Build(cfg, model.Options{})
	live("model")
	ds := rules.Run(m, rules.All, rules.Options{})
	live("rules")
	f, _ := os.Create("/tmp/speed/heap.out")
	pprof.WriteHeapProfile(f)
	f.Close()
	ds = rules.ApplySuppressions([]*parser.Config{cfg}, ds, rules.All)
	live("suppress")
	fmt.Println(len(ds), len(cfg.Files), len(m.Locations()))
	runtime.KeepAlive(cfg)
	runtime.KeepAlive(m)
}
