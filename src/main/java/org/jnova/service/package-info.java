/**
 * Running the API services: {@link org.jnova.service.ApiService} (the seeds' WSGIService),
 * the in-process {@link org.jnova.service.ServiceLauncher}, the multi-process
 * {@link org.jnova.service.ProcessLauncher} with its {@link org.jnova.service.WorkerMain}, and
 * {@link org.jnova.service.Signals}, the only user of {@code sun.misc.Signal}. The application
 * wiring plugs in through {@link org.jnova.service.ServiceFactory} and
 * {@link org.jnova.service.AppLoader}.
 */
package org.jnova.service;
