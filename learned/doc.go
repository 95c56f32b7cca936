// Package learned will hold neural networks that plug into physim's Force and
// Functional contracts. It is empty until its issue lands.
package learned
