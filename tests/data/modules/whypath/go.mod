module example.com/whypath

go 1.21
