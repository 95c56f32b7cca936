package functional

// Every functional satisfies the optional interfaces the solvers use.
var (
	_ SecondDerivative = (*Ideal)(nil)
	_ SecondDerivative = (*FMT)(nil)
	_ SecondDerivative = (*MeanField)(nil)
	_ SecondDerivative = (*Percus)(nil)
	_ SecondDerivative = (*Sum)(nil)
	_ Bulk             = (*Ideal)(nil)
	_ Bulk             = (*FMT)(nil)
	_ Bulk             = (*MeanField)(nil)
	_ Bulk             = (*Percus)(nil)
	_ Bulk             = (*Sum)(nil)
)
