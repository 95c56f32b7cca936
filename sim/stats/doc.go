// Package stats estimates means and their standard errors from correlated
// time series, as produced by molecular dynamics, Langevin and Brownian runs.
//
// The standard error comes from block averaging (H. Flyvbjerg and
// H. G. Petersen, "Error estimates on averages of correlated data",
// J. Chem. Phys. 91, 461 (1989)): the series is repeatedly halved by
// averaging neighbouring pairs, and at each level the naive standard error of
// the block means is computed. Once the blocks are longer than the
// correlation time the estimate stops growing (the plateau). The level that
// is reported is chosen by the criterion of Lee et al., Phys. Rev. E 83,
// 066706 (2011), documented on Blocking.
//
// Series accumulates a stream of values in O(log n) memory and gives exactly
// the blocking analysis that BlockAverage gives for the whole slice. MeanErr
// is the JSON form of a result, {"mean": m, "stderr": s}, for summaries.
package stats
