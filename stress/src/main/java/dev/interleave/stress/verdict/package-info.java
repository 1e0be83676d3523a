/** How a tool gate's failure reaches the build's final verdict. */
package dev.interleave.stress.verdict;
