/** A user's application on the module path: it needs the rules module and the test kit. */
module org.loyaltyrules.consumer {
  requires org.loyaltyrules.rules;
  requires org.loyaltyrules.test;
}
