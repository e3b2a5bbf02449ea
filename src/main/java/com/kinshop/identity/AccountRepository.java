package com.kinshop.identity;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface AccountRepository extends ListCrudRepository<Account, Long> {

    Optional<Account> findByPhone(String phone);

    boolean existsByPhone(String phone);
}
